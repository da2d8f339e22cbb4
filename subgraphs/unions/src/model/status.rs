//! The status workflow of a labour-dispute case under one-stop mediation.
//!
//! ```text
//! RECEIVED ──► MEDIATING ──► RESOLVED
//!    │             ├──────► REFERRED_TO_ARBITRATION
//!    └─────────────┴──────► WITHDRAWN
//! ```
//! A case is received, mediated, and ends resolved, referred to labour arbitration, or
//! withdrawn by the claimant (also before mediation starts). The three end states are final.

quntuan_kit::stored_enum! {
    pub enum LaborDisputeStatus(32) {
        Received,
        Mediating,
        Resolved,
        ReferredToArbitration,
        Withdrawn,
    }
}

impl LaborDisputeStatus {
    /// The statuses a case in this status may move to (empty for the final ones).
    pub fn next(self) -> &'static [LaborDisputeStatus] {
        use LaborDisputeStatus::*;
        match self {
            Received => &[Mediating, Withdrawn],
            Mediating => &[Resolved, ReferredToArbitration, Withdrawn],
            Resolved | ReferredToArbitration | Withdrawn => &[],
        }
    }

    pub fn can_move_to(self, to: LaborDisputeStatus) -> bool {
        self.next().contains(&to)
    }

    pub fn is_final(self) -> bool {
        self.next().is_empty()
    }

    /// The GraphQL / database spelling, e.g. `REFERRED_TO_ARBITRATION`.
    pub fn as_str(self) -> &'static str {
        use LaborDisputeStatus::*;
        match self {
            Received => "RECEIVED",
            Mediating => "MEDIATING",
            Resolved => "RESOLVED",
            ReferredToArbitration => "REFERRED_TO_ARBITRATION",
            Withdrawn => "WITHDRAWN",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::LaborDisputeStatus::*;
    use super::*;
    use sea_orm::{ActiveEnum, Iterable};

    #[test]
    fn only_the_drawn_transitions_are_legal() {
        let legal: Vec<(LaborDisputeStatus, LaborDisputeStatus)> = LaborDisputeStatus::iter()
            .flat_map(|from| LaborDisputeStatus::iter().map(move |to| (from, to)))
            .filter(|(from, to)| from.can_move_to(*to))
            .collect();
        assert_eq!(
            legal,
            vec![
                (Received, Mediating),
                (Received, Withdrawn),
                (Mediating, Resolved),
                (Mediating, ReferredToArbitration),
                (Mediating, Withdrawn),
            ]
        );
        assert!(Resolved.is_final() && ReferredToArbitration.is_final() && Withdrawn.is_final());
        assert!(!Received.is_final());
    }

    #[test]
    fn spelling_matches_the_stored_value() {
        for status in LaborDisputeStatus::iter() {
            assert_eq!(status.to_value(), status.as_str());
        }
    }
}

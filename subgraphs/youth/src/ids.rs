//! Public ids: `youth-unit-000042` for branch 42, and so on. The unit, activity and award
//! forms are the ones the kit's directory generator gives hub, so both subgraphs name the
//! same record alike; the database keeps the plain integer.

/// One kind of record and how its id is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdKind {
    prefix: &'static str,
    width: usize,
}

pub(crate) const BRANCH: IdKind = IdKind {
    prefix: "youth-unit-",
    width: 6,
};
pub(crate) const ACTIVITY: IdKind = IdKind {
    prefix: "youth-act-",
    width: 6,
};
pub(crate) const AWARD: IdKind = IdKind {
    prefix: "youth-award-",
    width: 4,
};
pub(crate) const HOME: IdKind = IdKind {
    prefix: "youth-home-",
    width: 4,
};
pub(crate) const VOLUNTEER: IdKind = IdKind {
    prefix: "youth-volunteer-",
    width: 7,
};
pub(crate) const SERVICE_LOG: IdKind = IdKind {
    prefix: "youth-log-",
    width: 7,
};
pub(crate) const SOCIAL_WORKER: IdKind = IdKind {
    prefix: "youth-worker-",
    width: 4,
};

impl IdKind {
    pub(crate) fn format(self, id: i64) -> String {
        format!("{}{:0width$}", self.prefix, id, width = self.width)
    }

    /// The database id, or `None` when `id` is not of this kind.
    pub(crate) fn parse(self, id: &str) -> Option<i64> {
        let digits = id.strip_prefix(self.prefix)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|n| *n > 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_match_the_directory_form() {
        assert_eq!(BRANCH.format(42), "youth-unit-000042");
        assert_eq!(AWARD.format(3), "youth-award-0003");
        assert_eq!(VOLUNTEER.format(1_234_567), "youth-volunteer-1234567");
        assert_eq!(BRANCH.parse("youth-unit-000042"), Some(42));
        assert_eq!(BRANCH.parse("youth-act-000042"), None);
        assert_eq!(BRANCH.parse("youth-unit-"), None);
        assert_eq!(BRANCH.parse("youth-unit-+4"), None);
        assert_eq!(BRANCH.parse("youth-unit-000000"), None);
    }
}

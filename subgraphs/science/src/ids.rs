//! Public ids: `science-unit-000042` for association 42, and so on. The unit, activity and
//! award forms are the ones the kit's directory generator gives hub, so both subgraphs
//! name the same record alike; the database keeps the plain integer.

/// One kind of record and how its id is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdKind {
    prefix: &'static str,
    width: usize,
}

pub(crate) const ASSOCIATION: IdKind = IdKind {
    prefix: "science-unit-",
    width: 6,
};
pub(crate) const ACTIVITY: IdKind = IdKind {
    prefix: "science-act-",
    width: 6,
};
pub(crate) const AWARD: IdKind = IdKind {
    prefix: "science-award-",
    width: 4,
};
pub(crate) const WORKSTATION: IdKind = IdKind {
    prefix: "science-station-",
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
        assert_eq!(ASSOCIATION.format(42), "science-unit-000042");
        assert_eq!(AWARD.format(3), "science-award-0003");
        assert_eq!(ACTIVITY.parse("science-act-000007"), Some(7));
        assert_eq!(ACTIVITY.parse("science-unit-000007"), None);
        assert_eq!(WORKSTATION.parse("science-station-"), None);
        assert_eq!(WORKSTATION.parse("science-station-0000"), None);
    }
}

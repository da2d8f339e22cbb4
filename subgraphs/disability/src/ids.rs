//! Public ids: `disability-unit-000042` for organisation 42, and so on. The unit,
//! activity and award forms are the ones the kit's directory generator gives hub, so both
//! subgraphs name the same record alike; the database keeps the plain integer.

/// One kind of record and how its id is written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct IdKind {
    prefix: &'static str,
    width: usize,
}

pub(crate) const ORGANIZATION: IdKind = IdKind {
    prefix: "disability-unit-",
    width: 6,
};
pub(crate) const SERVICE: IdKind = IdKind {
    prefix: "disability-act-",
    width: 6,
};
pub(crate) const AWARD: IdKind = IdKind {
    prefix: "disability-award-",
    width: 4,
};
pub(crate) const WORKER: IdKind = IdKind {
    prefix: "disability-worker-",
    width: 5,
};
pub(crate) const PERSON: IdKind = IdKind {
    prefix: "disability-person-",
    width: 7,
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
        assert_eq!(ORGANIZATION.format(42), "disability-unit-000042");
        assert_eq!(SERVICE.format(7), "disability-act-000007");
        assert_eq!(AWARD.format(3), "disability-award-0003");
        assert_eq!(PERSON.parse("disability-person-0000012"), Some(12));
        assert_eq!(PERSON.parse("disability-worker-00012"), None);
        assert_eq!(WORKER.parse("disability-worker-"), None);
    }
}

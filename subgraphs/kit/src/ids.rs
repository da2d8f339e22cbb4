//! Public ids of integer-keyed records: `youth-unit-000042` for branch 42, and so on. The
//! unit, activity and award forms are the ones the kit's directory generator gives hub
//! ([`crate::catalog`]), so hub and the organisation name the same record alike; the
//! database keeps the plain integer.

use crate::error::{ApiError, ApiResult};

/// One kind of record and how its id is written: a prefix and a zero-padded number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IdKind {
    prefix: &'static str,
    width: usize,
    /// What an id of this kind names, for errors ("an association").
    noun: Option<&'static str>,
}

impl IdKind {
    pub const fn new(prefix: &'static str, width: usize) -> Self {
        IdKind {
            prefix,
            width,
            noun: None,
        }
    }

    /// This kind, naming its records `noun` ("an association") in input errors.
    pub const fn named(self, noun: &'static str) -> Self {
        IdKind {
            noun: Some(noun),
            ..self
        }
    }

    /// The database id of `id`, given in the argument or filter field `field`; otherwise a
    /// bad-input error naming the field and the kind expected.
    pub fn parse_input(self, field: &str, id: &str) -> ApiResult<i64> {
        self.parse(id).ok_or_else(|| {
            ApiError::bad_input(match self.noun {
                Some(noun) => format!("`{field}` is not {noun} id: `{id}`"),
                None => format!("`{field}` is not a valid id of that kind: `{id}`"),
            })
        })
    }

    /// [`IdKind::parse_input`] of an optional field.
    pub fn parse_optional<S: AsRef<str>>(
        self,
        field: &str,
        id: Option<S>,
    ) -> ApiResult<Option<i64>> {
        id.map(|id| self.parse_input(field, id.as_ref()))
            .transpose()
    }

    pub fn format(self, id: i64) -> String {
        format!("{}{:0width$}", self.prefix, id, width = self.width)
    }

    /// The database id, or `None` when `id` is not of this kind.
    pub fn parse(self, id: &str) -> Option<i64> {
        let digits = id.strip_prefix(self.prefix)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        digits.parse().ok().filter(|n| *n > 0)
    }
}

/// The id kinds of an organisation's records in hub's shared directory, in the catalog's
/// forms (`{org}-unit-000042`, `{org}-act-000042`, `{org}-award-0042`, see
/// [`crate::catalog`]), so the organisation and hub name each record alike:
///
/// ```ignore
/// quntuan_kit::directory_id_kinds!("youth": BRANCH "a league branch", ACTIVITY, AWARD);
/// ```
#[macro_export]
macro_rules! directory_id_kinds {
    ($org:literal: $unit:ident $noun:literal, $activity:ident, $award:ident) => {
        pub(crate) const $unit: $crate::ids::IdKind =
            $crate::ids::IdKind::new(concat!($org, "-unit-"), 6).named($noun);
        pub(crate) const $activity: $crate::ids::IdKind =
            $crate::ids::IdKind::new(concat!($org, "-act-"), 6);
        pub(crate) const $award: $crate::ids::IdKind =
            $crate::ids::IdKind::new(concat!($org, "-award-"), 4);
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    mod youth {
        crate::directory_id_kinds!("youth": UNIT "a league branch", ACTIVITY, AWARD);
    }

    #[test]
    fn directory_kinds_write_the_catalogs_ids() {
        use crate::Scale;
        use crate::catalog::{youth_activities, youth_awards, youth_branches};
        let unit = youth_branches(Scale::Demo).next().map(|u| (u.seq, u.id));
        let activity = youth_activities(Scale::Demo).next().map(|a| (a.seq, a.id));
        let award = youth_awards(Scale::Demo).next().map(|a| (a.seq, a.id));
        for (kind, skeleton) in [
            (youth::UNIT, unit),
            (youth::ACTIVITY, activity),
            (youth::AWARD, award),
        ] {
            let (seq, id) = skeleton.expect("the demo directory has one of each");
            assert_eq!(kind.format(i64::from(seq)), id);
            assert_eq!(kind.parse(&id), Some(i64::from(seq)));
        }
        let refused = youth::UNIT.parse_input("branchId", "youth-act-000001");
        let expected =
            ApiError::bad_input("`branchId` is not a league branch id: `youth-act-000001`");
        assert_eq!(refused, Err(expected));
    }

    #[test]
    fn ids_round_trip_and_refuse_other_kinds() {
        const UNIT: IdKind = IdKind::new("youth-unit-", 6);
        assert_eq!(UNIT.format(42), "youth-unit-000042");
        assert_eq!(IdKind::new("x-", 7).format(1_234_567), "x-1234567");
        assert_eq!(UNIT.parse("youth-unit-000042"), Some(42));
        assert_eq!(UNIT.parse("youth-act-000042"), None);
        assert_eq!(UNIT.parse("youth-unit-"), None);
        assert_eq!(UNIT.parse("youth-unit-+4"), None);
        assert_eq!(UNIT.parse("youth-unit-000000"), None);
        let named = UNIT.named("a league branch");
        assert_eq!(
            named
                .parse_optional("branchId", Some("youth-unit-000042"))
                .ok(),
            Some(Some(42))
        );
        assert_eq!(
            named.parse_optional::<&str>("branchId", None).ok(),
            Some(None)
        );
        let refused = named.parse_input("branchId", "x");
        let expected = ApiError::bad_input("`branchId` is not a league branch id: `x`");
        assert_eq!(refused, Err(expected));
    }
}

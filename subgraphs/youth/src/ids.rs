//! Public ids: `youth-unit-000042` for branch 42, and so on. The unit, activity and award
//! forms are the ones the kit's directory generator gives hub, so both subgraphs name the
//! same record alike; the database keeps the plain integer.

pub(crate) use quntuan_kit::ids::IdKind;

quntuan_kit::directory_id_kinds!("youth": BRANCH "a league branch", ACTIVITY, AWARD);
pub(crate) const HOME: IdKind = IdKind::new("youth-home-", 4).named("a youth home");
pub(crate) const VOLUNTEER: IdKind = IdKind::new("youth-volunteer-", 7).named("a volunteer");
pub(crate) const SERVICE_LOG: IdKind = IdKind::new("youth-log-", 7);
pub(crate) const SOCIAL_WORKER: IdKind = IdKind::new("youth-worker-", 4);

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

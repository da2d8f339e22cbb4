//! Public ids: `disability-unit-000042` for organisation 42, and so on. The unit,
//! activity and award forms are the ones the kit's directory generator gives hub, so both
//! subgraphs name the same record alike; the database keeps the plain integer.

pub(crate) use quntuan_kit::ids::IdKind;

quntuan_kit::directory_id_kinds!("disability": ORGANIZATION "an organisation", SERVICE, AWARD);
pub(crate) const WORKER: IdKind = IdKind::new("disability-worker-", 5);
pub(crate) const PERSON: IdKind = IdKind::new("disability-person-", 7);

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

//! Public ids: `science-unit-000042` for association 42, and so on. The unit, activity and
//! award forms are the ones the kit's directory generator gives hub, so both subgraphs
//! name the same record alike; the database keeps the plain integer.

pub(crate) use quntuan_kit::ids::IdKind;

quntuan_kit::directory_id_kinds!("science": ASSOCIATION "an association", ACTIVITY, AWARD);
pub(crate) const WORKSTATION: IdKind = IdKind::new("science-station-", 4);

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

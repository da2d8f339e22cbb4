//! The shared directory is identical to the kit catalog rows (its lists, filters and
//! refusals are cases in `tests/fixtures/queries`).

mod common;

use quntuan_kit::catalog::{self, Org};
use quntuan_kit::{Caller, Scale};
use serde_json::{Value, json};

#[tokio::test]
async fn the_directory_holds_exactly_the_catalog_rows() {
    let s = common::seeded().await;
    let mut listed = Vec::new();
    for offset in (0..300).step_by(100) {
        let page = s
            .query(&format!("{{ grassrootsUnits(limit: 100, offset: {offset}) {{ totalCount items {{ id name kind regionCode streetCode districtCode }} }} }}"))
            .await;
        assert_eq!(page["data"]["grassrootsUnits"]["totalCount"], json!(232));
        listed.extend(
            page["data"]["grassrootsUnits"]["items"]
                .as_array()
                .cloned()
                .unwrap_or_default(),
        );
    }
    let mut expected: Vec<Value> = Org::ALL
        .into_iter()
        .flat_map(|org| catalog::units(org, Scale::Demo))
        .map(|u| {
            json!({ "id": u.id, "name": u.name, "kind": u.kind, "regionCode": u.region.region_code,
                    "streetCode": u.region.street_code, "districtCode": u.region.district_code })
        })
        .collect();
    expected.sort_by(|a, b| a["id"].as_str().cmp(&b["id"].as_str()));
    assert_eq!(listed, expected);
}

/// Award recipients are the catalog's: people with the organisation's scope (refused
/// without it: the cases `directory_awards_*`), units to anyone.
#[tokio::test]
async fn award_recipients_are_the_catalogs() {
    let s = common::seeded().await;
    let query = r#"{ awards(organization: SCIENCE, limit: 2) { items { recipientPerson } } }"#;
    let granted = s
        .run(
            Caller::new("officer", &["science:personal"]),
            query,
            json!({}),
        )
        .await;
    let people: Vec<Value> = catalog::science_awards(Scale::Demo)
        .take(2)
        .map(|a| json!({ "recipientPerson": a.recipient_person }))
        .collect();
    assert_eq!(
        granted,
        json!({ "data": { "awards": { "items": people } } })
    );
    let units = s
        .query("{ awards(organization: UNIONS, year: 2020, limit: 2) { items { recipientUnit } } }")
        .await;
    let expected: Vec<Value> = catalog::union_awards(Scale::Demo)
        .take(2)
        .map(|a| json!({ "recipientUnit": a.recipient_unit }))
        .collect();
    assert_eq!(
        units,
        json!({ "data": { "awards": { "items": expected } } })
    );
}

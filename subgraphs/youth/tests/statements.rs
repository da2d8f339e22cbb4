//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { youthVolunteers(limit: $limit) { totalCount items { id branch { id name volunteerCount } serviceHours serviceLogs { id hours } region { code youth { volunteerCount serviceHours } } } } }"#;

const ENTITIES: &str = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on YouthBranch { id name volunteerCount region { youth { branchCount } } } } }"#;

#[tokio::test]
async fn a_page_of_volunteers_costs_a_constant_number_of_statements() {
    let f = common::seeded().await;
    let mut counts = Vec::new();
    for limit in [5, 10, 30] {
        f.counter.reset();
        let response = f
            .run(common::anonymous(), PAGE, json!({ "limit": limit }))
            .await;
        assert_eq!(response.get("errors"), None, "{response}");
        let items = response["data"]["youthVolunteers"]["items"]
            .as_array()
            .map(Vec::len);
        assert_eq!(items, Some(limit));
        counts.push(f.counter.count());
    }
    // COUNT + page, then one batch each: branches, volunteers per branch, minutes per
    // volunteer, logs per volunteer, region figures.
    assert_eq!(counts, vec![7, 7, 7], "{:#?}", f.counter.statements());
}

/// Lists over 30 items are polled in rounds of 32 futures (futures-util's `join_all`), a
/// cooperative yield the kit's loaders wait through: a page of 100 costs what a page of 5
/// does, one batch per loader per level, on any machine.
#[tokio::test]
async fn a_long_page_costs_the_same_statements_as_a_short_one() {
    let f = common::seeded().await;
    let statements = f
        .statements(common::anonymous(), PAGE, json!({ "limit": 100 }))
        .await;
    assert_eq!(statements, 7, "{:#?}", f.counter.statements());
}

#[tokio::test]
async fn entity_representations_are_resolved_in_one_batch() {
    let f = common::seeded().await;
    let reps: Vec<_> = (1..=30)
        .map(|i| json!({ "__typename": "YouthBranch", "id": format!("youth-unit-{i:06}") }))
        .collect();
    f.counter.reset();
    let response = f
        .run(common::anonymous(), ENTITIES, json!({ "reps": reps }))
        .await;
    assert_eq!(response.get("errors"), None, "{response}");
    assert_eq!(
        response["data"]["_entities"].as_array().map(Vec::len),
        Some(30)
    );
    // Branches by id, volunteers per branch, region figures.
    assert_eq!(f.counter.count(), 3, "{:#?}", f.counter.statements());
}

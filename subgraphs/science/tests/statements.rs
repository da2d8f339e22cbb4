//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { scienceActivities(limit: $limit) { totalCount items { id association { id name activities { id } } region { code science { activityCount } } } } }"#;

#[tokio::test]
async fn a_page_of_activities_costs_a_constant_number_of_statements() {
    let f = common::seeded().await;
    let mut counts = Vec::new();
    for limit in [5, 10, 15] {
        f.counter.reset();
        let response = f
            .run(common::anonymous(), PAGE, json!({ "limit": limit }))
            .await;
        assert_eq!(response.get("errors"), None, "{response}");
        counts.push(f.counter.count());
    }
    // COUNT + page, then one batch each: associations, activities per association, region
    // figures.
    assert_eq!(counts, vec![5, 5, 5], "{:#?}", f.counter.statements());
}

#[tokio::test]
async fn region_figures_of_many_regions_are_one_statement() {
    let f = common::seeded().await;
    let reps: Vec<_> = [
        "510100",
        "510104",
        "510105",
        "510104001",
        "510104001001",
        "510185003002",
    ]
    .iter()
    .map(|code| json!({ "__typename": "Region", "code": code }))
    .collect();
    f.counter.reset();
    let query = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { science { associationCount workstationCount } } } }"#;
    let response = f
        .run(common::anonymous(), query, json!({ "reps": reps }))
        .await;
    assert_eq!(response.get("errors"), None, "{response}");
    assert_eq!(f.counter.count(), 1, "{:#?}", f.counter.statements());
}

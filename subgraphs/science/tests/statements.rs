//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use quntuan_kit::testing::region_representations;
use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { scienceActivities(limit: $limit) { totalCount items { id association { id name activities { id } } region { code science { activityCount } } } } }"#;

#[tokio::test]
async fn a_page_of_activities_costs_a_constant_number_of_statements() {
    let f = common::seeded().await;
    let mut counts = Vec::new();
    for limit in [5, 10, 15] {
        counts.push(
            f.statements(common::anonymous(), PAGE, json!({ "limit": limit }))
                .await,
        );
    }
    // COUNT + page, then one batch each: associations, activities per association, region
    // figures.
    assert_eq!(counts, vec![5, 5, 5], "{:#?}", f.counter.statements());
}

#[tokio::test]
async fn region_figures_of_many_regions_are_one_statement() {
    let f = common::seeded().await;
    let query = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { science { associationCount workstationCount } } } }"#;
    let codes = [
        "510100",
        "510104",
        "510105",
        "510104001",
        "510104001001",
        "510185003002",
    ];
    let statements = f
        .statements(common::anonymous(), query, region_representations(&codes))
        .await;
    assert_eq!(statements, 1, "{:#?}", f.counter.statements());
}

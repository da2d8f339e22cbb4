//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use quntuan_kit::testing::region_representations;
use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { disabledPersons(limit: $limit) { totalCount items { id organizationUnit { id name registeredPersonCount workers { id } } region { code disability { organizationCount workerCount } } } } }"#;

#[tokio::test]
async fn a_page_of_the_registry_costs_a_constant_number_of_statements() {
    let f = common::seeded().await;
    let mut counts = Vec::new();
    for limit in [10, 20, 30] {
        counts.push(
            f.statements(common::anonymous(), PAGE, json!({ "limit": limit }))
                .await,
        );
    }
    // COUNT + page, then one batch each: organisations, people per organisation, workers
    // per organisation, region figures.
    assert_eq!(counts, vec![6, 6, 6], "{:#?}", f.counter.statements());
}

#[tokio::test]
async fn region_figures_of_many_regions_are_one_statement() {
    let f = common::seeded().await;
    let query = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { disability { organizationCount workerCount registeredPersonCount } } } }"#;
    let codes = ["510100", "510104", "510185", "510104001", "510104003001"];
    let statements = f
        .statements(common::anonymous(), query, region_representations(&codes))
        .await;
    assert_eq!(statements, 1, "{:#?}", f.counter.statements());
}

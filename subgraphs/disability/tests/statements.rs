//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use serde_json::json;

const PAGE: &str = r#"query($limit: Int!) { disabledPersons(limit: $limit) { totalCount items { id organizationUnit { id name registeredPersonCount workers { id } } region { code disability { organizationCount workerCount } } } } }"#;

#[tokio::test]
async fn a_page_of_the_registry_costs_a_constant_number_of_statements() {
    let f = common::seeded().await;
    let mut counts = Vec::new();
    for limit in [10, 20, 30] {
        f.counter.reset();
        let response = f
            .run(common::anonymous(), PAGE, json!({ "limit": limit }))
            .await;
        assert_eq!(response.get("errors"), None, "{response}");
        counts.push(f.counter.count());
    }
    // COUNT + page, then one batch each: organisations, people per organisation, workers
    // per organisation, region figures.
    assert_eq!(counts, vec![6, 6, 6], "{:#?}", f.counter.statements());
}

#[tokio::test]
async fn region_figures_of_many_regions_are_one_statement() {
    let f = common::seeded().await;
    let reps: Vec<_> = ["510100", "510104", "510185", "510104001", "510104003001"]
        .iter()
        .map(|code| json!({ "__typename": "Region", "code": code }))
        .collect();
    f.counter.reset();
    let query = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Region { disability { organizationCount workerCount registeredPersonCount } } } }"#;
    let response = f
        .run(common::anonymous(), query, json!({ "reps": reps }))
        .await;
    assert_eq!(response.get("errors"), None, "{response}");
    assert_eq!(f.counter.count(), 1, "{:#?}", f.counter.statements());
}

//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use common::{clerk, counted_schema};
use quntuan_kit::testing::{demo_districts_and_streets, region_representations, statement_counts};
use serde_json::{Value, json};

#[tokio::test]
async fn region_figures_cost_one_statement() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($reps: [_Any!]!) {
        _entities(representations: $reps) {
            ... on Region { women { organizationCount memberCount womensHomeCount
                                    officerCount chairAndViceChairCount executiveMemberCount } }
        }
    }"#;
    let all = demo_districts_and_streets();
    assert_eq!(all.len(), 80);
    let two_then_eighty = [
        region_representations(&["510104", "510104001"]),
        region_representations(&all),
    ];
    let counts = statement_counts(&schema, &counter, clerk(), query, two_then_eighty).await;

    // One read of the per-region summary, whatever the regions and figures asked.
    assert_eq!(counts, vec![1, 1]);
}

#[tokio::test]
async fn lists_under_parents_cost_one_statement_per_kind_of_child() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($limit: Int!) {
        womenOrganizations(limit: $limit) {
            items { id womensHomes { id activities { id } } childrensHomes { id } officers { id role } }
        }
    }"#;
    let limits = [10, 40].map(|limit| json!({"limit": limit}));
    let counts = statement_counts(&schema, &counter, clerk(), query, limits).await;
    // COUNT + page, then one batch per kind of child (women's homes, children's homes,
    // officers), then one more level: the homes' activities.
    assert_eq!(counts, vec![6, 6]);
}

#[tokio::test]
async fn entity_batches_cost_one_statement_per_type() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on WomenOrganization { id name }
            ... on LaborDispute { id rightsAssistance { id organization { id } } }
        }
    }"#;
    let sizes = [5, 30].map(|n| {
        let representations: Vec<Value> = (1..=n)
            .flat_map(|i| {
                [
                    json!({"__typename": "WomenOrganization", "id": format!("women-unit-{i:06}")}),
                    json!({"__typename": "LaborDispute", "id": format!("unions-dispute-{:06}", i + 9)}),
                ]
            })
            .collect();
        json!({"representations": representations})
    });
    let counts = statement_counts(&schema, &counter, clerk(), query, sizes).await;
    // organisations + assistance; then the assistance records' organisations.
    assert_eq!(counts, vec![3, 3]);
}

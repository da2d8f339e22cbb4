//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use common::{clerk, counted_schema};
use quntuan_kit::testing::{demo_districts_and_streets, region_representations, statement_counts};
use serde_json::{Value, json};

#[tokio::test]
async fn region_figures_cost_one_statement_per_batch() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($reps: [_Any!]!) {
        _entities(representations: $reps) {
            ... on Region { unions { grassrootsUnionCount memberCount workersHomeCount
                                     disputeCount openDisputeCount disputesByStatus { count } } }
        }
    }"#;
    let all = demo_districts_and_streets();
    assert_eq!(all.len(), 80);
    let two_then_eighty = [
        region_representations(&["510104", "510104001"]),
        region_representations(&all),
    ];
    let counts = statement_counts(&schema, &counter, clerk(), query, two_then_eighty).await;

    // One read of the per-region summary, whatever the tables and levels asked for.
    assert_eq!(counts, vec![1, 1]);
}

#[tokio::test]
async fn lists_under_parents_cost_one_statement_per_kind_of_child() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($limit: Int!) {
        grassrootsUnions(limit: $limit) {
            items { id workersHomes { id union { id } } socialWorkers { id } }
        }
        laborDisputes(limit: $limit) {
            items { id steps { seq } serviceCenter { id } }
        }
    }"#;
    let limits = [10, 40].map(|limit| json!({"limit": limit}));
    let counts = statement_counts(&schema, &counter, clerk(), query, limits).await;
    // 2 lists x (COUNT + page), then one batch per kind of child: homes, social workers,
    // steps; then one more level: the homes' unions.
    assert_eq!(counts, vec![8, 8]);
}

#[tokio::test]
async fn entity_batches_cost_one_statement_per_type() {
    let (schema, counter) = counted_schema().await;
    let query = r#"query($representations: [_Any!]!) {
        _entities(representations: $representations) {
            ... on GrassrootsUnion { id name }
            ... on LaborDispute { id steps { seq } }
        }
    }"#;
    let sizes = [1, 30].map(|n| {
        let representations: Vec<Value> = (1..=n)
            .flat_map(|i| {
                [
                    json!({"__typename": "GrassrootsUnion", "id": format!("unions-unit-{i:06}")}),
                    json!({"__typename": "LaborDispute", "id": format!("unions-dispute-{i:06}")}),
                ]
            })
            .collect();
        json!({"representations": representations})
    });
    let counts = statement_counts(&schema, &counter, clerk(), query, sizes).await;
    // unions + disputes + steps.
    assert_eq!(counts, vec![3, 3]);
}

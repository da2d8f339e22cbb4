//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use quntuan_kit::testing::{
    demo_districts_and_streets, entity_representations, region_representations,
};
use serde_json::json;

const REGION_FIGURES: &str = r#"query($reps: [_Any!]!) {
    _entities(representations: $reps) {
        ... on Region { unions { grassrootsUnionCount memberCount workersHomeCount
                                 disputeCount openDisputeCount disputesByStatus { count } } }
    }
}"#;

const LISTS: &str = r#"query($limit: Int!) {
    grassrootsUnions(limit: $limit) {
        items { id workersHomes { id union { id } } socialWorkers { id } }
    }
    laborDisputes(limit: $limit) {
        items { id steps { seq } serviceCenter { id } }
    }
}"#;

const ENTITIES: &str = r#"query($reps: [_Any!]!) {
    _entities(representations: $reps) {
        ... on GrassrootsUnion { id name }
        ... on LaborDispute { id steps { seq } }
    }
}"#;

/// The first `n` unions and the first `n` disputes, interleaved.
fn unions_and_disputes(n: usize) -> serde_json::Value {
    entity_representations((1..=n).flat_map(|i| {
        [
            ("GrassrootsUnion", format!("unions-unit-{i:06}")),
            ("LaborDispute", format!("unions-dispute-{i:06}")),
        ]
    }))
}

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::clerk();
    /// One read of the per-region summary, whatever the tables and levels asked for.
    region_figures_cost_one_statement_per_batch: REGION_FIGURES, [
        region_representations(&["510104", "510104001"]),
        region_representations(&demo_districts_and_streets()),
    ] => 1;
    /// 2 lists x (COUNT + page), then one batch per kind of child: homes, social workers,
    /// steps; then one more level: the homes' unions.
    lists_under_parents_cost_one_statement_per_kind_of_child: LISTS,
        [json!({"limit": 10}), json!({"limit": 40})] => 8;
    /// unions + disputes + steps.
    entity_batches_cost_one_statement_per_type: ENTITIES,
        [unions_and_disputes(1), unions_and_disputes(30)] => 3;
}

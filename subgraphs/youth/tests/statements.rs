//! Batching: a page of N records with nested fields costs the same, constant number of SQL
//! statements whatever N is (dataloaders, one aggregate per batch of regions).

mod common;

use quntuan_kit::testing::entity_representations;
use serde_json::{Value, json};

const PAGE: &str = r#"query($limit: Int!) { youthVolunteers(limit: $limit) { totalCount items { id branch { id name volunteerCount } serviceHours serviceLogs { id hours } region { code youth { volunteerCount serviceHours } } } } }"#;

const ENTITIES: &str = r#"query($reps: [_Any!]!) { _entities(representations: $reps) { ... on YouthBranch { id name volunteerCount region { youth { branchCount } } } } }"#;

/// The first 30 branches.
fn thirty_branches() -> Value {
    entity_representations((1..=30).map(|i| ("YouthBranch", format!("youth-unit-{i:06}"))))
}

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::anonymous();
    /// COUNT + page, then one batch each: branches, volunteers per branch, minutes per
    /// volunteer, logs per volunteer, region figures.
    a_page_of_volunteers_costs_a_constant_number_of_statements: PAGE,
        [json!({"limit": 5}), json!({"limit": 10}), json!({"limit": 30})] => 7;
    /// Lists over 30 items are polled in rounds of 32 futures (futures-util's `join_all`), a
    /// cooperative yield the kit's loaders wait through: a page of 100 costs what a page of 5
    /// does, one batch per loader per level, on any machine.
    a_long_page_costs_the_same_statements_as_a_short_one: PAGE, [json!({"limit": 100})] => 7;
    /// Branches by id, volunteers per branch, region figures.
    entity_representations_are_resolved_in_one_batch: ENTITIES, [thirty_branches()] => 3;
}

/// The pages and batches counted above hold every item asked for.
#[tokio::test]
async fn the_counted_queries_answer_every_item() {
    let f = common::seeded().await;
    for limit in [5, 10, 30, 100] {
        let response = f
            .run(common::anonymous(), PAGE, json!({ "limit": limit }))
            .await;
        let items = &response["data"]["youthVolunteers"]["items"];
        assert_eq!(items.as_array().map(Vec::len), Some(limit), "{response}");
    }
    let response = f
        .run(common::anonymous(), ENTITIES, thirty_branches())
        .await;
    let entities = &response["data"]["_entities"];
    assert_eq!(entities.as_array().map(Vec::len), Some(30), "{response}");
}

//! Batching: the number of SQL statements does not grow with the number of entities.

mod common;

use quntuan_kit::testing::{
    demo_districts_and_streets, entity_representations, region_representations,
};
use serde_json::json;

const REGION_FIGURES: &str = r#"query($reps: [_Any!]!) {
    _entities(representations: $reps) {
        ... on Region { women { organizationCount memberCount womensHomeCount
                                officerCount chairAndViceChairCount executiveMemberCount } }
    }
}"#;

const LISTS: &str = r#"query($limit: Int!) {
    womenOrganizations(limit: $limit) {
        items { id womensHomes { id activities { id } } childrensHomes { id } officers { id role } }
    }
}"#;

const ENTITIES: &str = r#"query($reps: [_Any!]!) {
    _entities(representations: $reps) {
        ... on WomenOrganization { id name }
        ... on LaborDispute { id rightsAssistance { id organization { id } } }
    }
}"#;

/// The first `n` organisations and `n` disputes from the 10th, interleaved.
fn organizations_and_disputes(n: usize) -> serde_json::Value {
    entity_representations((1..=n).flat_map(|i| {
        [
            ("WomenOrganization", format!("women-unit-{i:06}")),
            ("LaborDispute", format!("unions-dispute-{:06}", i + 9)),
        ]
    }))
}

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::clerk();
    /// One read of the per-region summary, whatever the regions and figures asked.
    region_figures_cost_one_statement: REGION_FIGURES, [
        region_representations(&["510104", "510104001"]),
        region_representations(&demo_districts_and_streets()),
    ] => 1;
    /// COUNT + page, then one batch per kind of child (women's homes, children's homes,
    /// officers), then one more level: the homes' activities.
    lists_under_parents_cost_one_statement_per_kind_of_child: LISTS,
        [json!({"limit": 10}), json!({"limit": 40})] => 6;
    /// organisations + assistance; then the assistance records' organisations.
    entity_batches_cost_one_statement_per_type: ENTITIES,
        [organizations_and_disputes(5), organizations_and_disputes(30)] => 3;
}

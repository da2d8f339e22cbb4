//! Resolving regions through `_entities` costs a constant number of statements (the region
//! lists and lookups are cases in `tests/fixtures/queries`).

mod common;

use quntuan_kit::testing::region_representations;
use quntuan_kit::{RegionTree, Scale};

const ENTITY_QUERY: &str = r#"query($reps: [_Any!]!) {
  _entities(representations: $reps) {
    ... on Region { code name level parent { code name } children { code } }
  }
}"#;

/// The first `n` regions of the demo tree.
fn region_reps(n: usize) -> serde_json::Value {
    let tree = RegionTree::get(Scale::Demo);
    let codes: Vec<&str> = tree.all().iter().take(n).map(|r| r.code.as_str()).collect();
    region_representations(&codes)
}

quntuan_kit::statement_tests! {
    on common::seeded().await, as common::anonymous();
    /// One batch each, whatever the machine's load: the regions, their parents, their
    /// children (the kit's loaders batch by the query's levels, not by a time window).
    resolving_regions_through_entities_costs_a_constant_number_of_statements: ENTITY_QUERY,
        [region_reps(3), region_reps(60)] => 3;
}

/// The entities counted above are every region asked for.
#[tokio::test]
async fn entities_answer_every_region_asked_for() {
    let s = common::seeded().await;
    for n in [3, 60] {
        let response = s
            .run(common::anonymous(), ENTITY_QUERY, region_reps(n))
            .await;
        assert_eq!(
            response["data"]["_entities"].as_array().map(Vec::len),
            Some(n)
        );
    }
}

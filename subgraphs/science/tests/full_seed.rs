//! Measures the full-scale seed into a SQLite file. Not a timed assertion: run it on
//! purpose and read the printed duration.
//!
//! `cargo test -p quntuan-science --test full_seed -- --ignored --nocapture`

use quntuan_kit::testing::full_scale_answer;
use quntuan_science::Science;

const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { science { associationCount workstationCount activityCount awardCount } } } }"#;

#[tokio::test]
#[ignore = "loads the full scale; run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    full_scale_answer(&Science, quntuan_science::build_schema, FIGURES).await;
}

//! Measures the full-scale seed into a SQLite file. Not a timed assertion: run it on
//! purpose and read the printed duration.
//!
//! `cargo test -p quntuan-disability --test full_seed -- --ignored --nocapture`

use quntuan_disability::Disability;
use quntuan_kit::testing::full_scale_answer;

const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { disability { organizationCount workerCount registeredPersonCount serviceCount awardCount } } } }"#;

#[tokio::test]
#[ignore = "loads the full scale; run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    full_scale_answer(&Disability, quntuan_disability::build_schema, FIGURES).await;
}

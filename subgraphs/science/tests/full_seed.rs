//! Measures the full-scale seed into a SQLite file. Not a timed assertion: run it on
//! purpose and read the printed duration.
//!
//! `cargo test -p quntuan-science --test full_seed -- --ignored --nocapture`

use quntuan_kit::Caller;
use quntuan_kit::testing::{execute, full_scale_database};
use quntuan_science::Science;
use serde_json::json;

const FIGURES: &str = r#"{ _entities(representations: [{__typename: "Region", code: "510100"}]) { ... on Region { science { associationCount workstationCount activityCount awardCount } } } }"#;

#[tokio::test]
#[ignore = "loads the full scale; run on purpose to measure"]
async fn full_scale_seed_into_sqlite() {
    let full = full_scale_database(&Science).await;
    let schema = quntuan_science::build_schema(full.db.clone());
    let figures = execute(&schema, Caller::anonymous(), FIGURES, json!({})).await;
    assert_eq!(figures.get("errors"), None, "{figures}");
    println!("{}", figures["data"]);
}

//! The checked-in SDL (schema/disability.graphql) is the one the code generates and serves.

mod common;

use quntuan_kit::sdl::{check_snapshot, snapshot_path};
use serde_json::json;

#[test]
fn checked_in_sdl_matches_the_code() {
    let path = snapshot_path(env!("CARGO_MANIFEST_DIR"), "disability");
    if let Err(drift) = check_snapshot("disability", &quntuan_disability::sdl(), &path) {
        panic!("{drift}");
    }
}

#[tokio::test]
async fn service_sdl_is_the_generated_sdl() {
    let f = common::seeded().await;
    let response = f
        .run(common::anonymous(), "{ _service { sdl } }", json!({}))
        .await;
    assert_eq!(
        response["data"]["_service"]["sdl"],
        json!(quntuan_disability::sdl())
    );
}

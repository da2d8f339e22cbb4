//! The checked-in SDL (schema/science.graphql) is the one the code generates and serves.

mod common;

use quntuan_kit::testing::{assert_sdl_snapshot_current, assert_serves_sdl};
use quntuan_science::Science;

#[test]
fn checked_in_sdl_matches_the_code() {
    assert_sdl_snapshot_current(&Science, env!("CARGO_MANIFEST_DIR"));
}

#[tokio::test]
async fn service_sdl_is_the_generated_sdl() {
    assert_serves_sdl(&common::seeded().await.schema, &Science).await;
}

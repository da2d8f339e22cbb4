//! schema/hub.graphql must equal the SDL the code serves.

use quntuan_hub::Hub;
use quntuan_kit::testing::{assert_sdl_snapshot_current, assert_serves_sdl};

#[test]
fn sdl_snapshot_is_current() {
    assert_sdl_snapshot_current(&Hub, env!("CARGO_MANIFEST_DIR"));
}

#[tokio::test]
async fn sdl_is_what_service_sdl_answers() {
    let schema = quntuan_hub::schema::build(quntuan_kit::test_database().await);
    assert_serves_sdl(&schema, &Hub).await;
}

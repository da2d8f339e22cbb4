//! schema/hub.graphql must equal the SDL the code serves.

use quntuan_hub::Hub;
use quntuan_kit::SubgraphService;
use quntuan_kit::sdl::{check_snapshot, snapshot_path};

#[test]
fn sdl_snapshot_is_current() {
    let path = snapshot_path(env!("CARGO_MANIFEST_DIR"), "hub");
    if let Err(message) = check_snapshot("hub", &Hub.sdl(), &path) {
        panic!("{message}");
    }
}

#[tokio::test]
async fn sdl_is_what_service_sdl_answers() -> Result<(), Box<dyn std::error::Error>> {
    let schema = quntuan_hub::schema::build(quntuan_kit::test_database().await);
    let response = schema.execute("{ _service { sdl } }").await;
    let data = response.data.into_json()?;
    assert_eq!(data["_service"]["sdl"].as_str(), Some(Hub.sdl().as_str()));
    Ok(())
}

//! The checked-in SDL (schema/women.graphql) must match the code.

use quntuan_kit::SubgraphService;
use quntuan_women::Women;

#[test]
fn sdl_snapshot_is_current() {
    let path = quntuan_kit::sdl::snapshot_path(env!("CARGO_MANIFEST_DIR"), "women");
    if let Err(message) = quntuan_kit::sdl::check_snapshot("women", &Women.sdl(), &path) {
        panic!("{message}");
    }
}

//! The checked-in SDL (schema/unions.graphql) must match the code.

use quntuan_kit::SubgraphService;
use quntuan_unions::Unions;

#[test]
fn sdl_snapshot_is_current() {
    let path = quntuan_kit::sdl::snapshot_path(env!("CARGO_MANIFEST_DIR"), "unions");
    if let Err(message) = quntuan_kit::sdl::check_snapshot("unions", &Unions.sdl(), &path) {
        panic!("{message}");
    }
}

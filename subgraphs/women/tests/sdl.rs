//! The checked-in SDL (schema/women.graphql) must match the code.

use quntuan_women::Women;

#[test]
fn sdl_snapshot_is_current() {
    quntuan_kit::testing::assert_sdl_snapshot_current(&Women, env!("CARGO_MANIFEST_DIR"));
}

//! The checked-in SDL (schema/unions.graphql) must match the code.

use quntuan_unions::Unions;

#[test]
fn sdl_snapshot_is_current() {
    quntuan_kit::testing::assert_sdl_snapshot_current(&Unions, env!("CARGO_MANIFEST_DIR"));
}

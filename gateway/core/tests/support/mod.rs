pub(crate) mod mock;
// The differential test's own modules: other test binaries compile them unused.
#[allow(dead_code, reason = "used by differential.rs only")]
pub(crate) mod generate;
#[allow(dead_code, reason = "used by differential.rs only")]
pub(crate) mod reference;

//! The unions SDL composes with hub's checked-in SDL (the shared directory types, `Region`
//! and `ServiceCenter` agree), using the project's own composition.

use quntuan_compose::{SubgraphSdl, compose, render_diagnostics};
use quntuan_kit::SubgraphService;
use quntuan_unions::Unions;

#[test]
fn composes_with_hub() {
    let hub_path = quntuan_kit::sdl::snapshot_path(env!("CARGO_MANIFEST_DIR"), "hub");
    let hub = std::fs::read_to_string(&hub_path).expect("schema/hub.graphql is readable");
    let subgraphs = [
        SubgraphSdl::new("hub", "http://127.0.0.1:4001/graphql", hub),
        SubgraphSdl::new("unions", "http://127.0.0.1:4002/graphql", Unions.sdl()),
    ];
    if let Err(diagnostics) = compose(&subgraphs) {
        panic!(
            "hub + unions do not compose:\n{}",
            render_diagnostics(&diagnostics)
        );
    }
}

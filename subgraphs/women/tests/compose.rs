//! The women SDL composes with hub's checked-in SDL and with `unions` (which owns
//! `LaborDispute`), using the project's own composition.

use quntuan_compose::{SubgraphSdl, compose, render_diagnostics};
use quntuan_kit::SubgraphService;
use quntuan_unions::Unions;
use quntuan_women::Women;

#[test]
fn composes_with_hub_and_unions() {
    let hub_path = quntuan_kit::sdl::snapshot_path(env!("CARGO_MANIFEST_DIR"), "hub");
    let hub = std::fs::read_to_string(&hub_path).expect("schema/hub.graphql is readable");
    let subgraphs = [
        SubgraphSdl::new("hub", "http://127.0.0.1:4001/graphql", hub),
        SubgraphSdl::new("unions", "http://127.0.0.1:4002/graphql", Unions.sdl()),
        SubgraphSdl::new("women", "http://127.0.0.1:4004/graphql", Women.sdl()),
    ];
    if let Err(diagnostics) = compose(&subgraphs) {
        panic!(
            "hub + unions + women do not compose:\n{}",
            render_diagnostics(&diagnostics)
        );
    }
}

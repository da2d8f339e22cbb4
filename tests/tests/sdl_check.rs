//! `quntuan check` for every subgraph: the SDL its code serves, put in place of its checked-in
//! schema (schema/NAME.graphql) among the other five, composes and breaks no client of the
//! supergraph composed from the checked-in schemas (issue 18 point 4: a refactor of the kit
//! leaves each SDL unchanged or changed only in additions).

use quntuan_compose::{SubgraphSdl, check};
use quntuan_kit::SubgraphService;

fn checked_in() -> Vec<SubgraphSdl> {
    ["hub", "unions", "youth", "women", "science", "disability"]
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let path = quntuan_kit::sdl::snapshot_path(
                &format!("{}/../subgraphs/{name}", env!("CARGO_MANIFEST_DIR")),
                name,
            );
            let sdl = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            SubgraphSdl::new(*name, format!("http://127.0.0.1:{}/graphql", 4001 + i), sdl)
        })
        .collect()
}

#[test]
fn every_subgraph_sdl_passes_check_against_the_checked_in_schemas() {
    let current = checked_in();
    let served: [(&str, String); 6] = [
        ("hub", quntuan_hub::Hub.sdl()),
        ("unions", quntuan_unions::Unions.sdl()),
        ("youth", quntuan_youth::Youth.sdl()),
        ("women", quntuan_women::Women.sdl()),
        ("science", quntuan_science::Science.sdl()),
        ("disability", quntuan_disability::Disability.sdl()),
    ];
    let reports: Vec<(&str, Vec<String>, Vec<String>)> = served
        .iter()
        .map(|(name, sdl)| {
            let report = check(&current, name, sdl);
            (
                *name,
                report
                    .composition_errors
                    .iter()
                    .map(|d| d.message.clone())
                    .collect(),
                report
                    .breaking_changes
                    .iter()
                    .map(ToString::to_string)
                    .collect(),
            )
        })
        .collect();
    let clean: Vec<(&str, Vec<String>, Vec<String>)> = served
        .iter()
        .map(|(name, _)| (*name, Vec::new(), Vec::new()))
        .collect();
    assert_eq!(reports, clean);
}

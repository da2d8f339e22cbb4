//! The repository's own supergraph: schema/supergraph.graphql must be what composing the
//! six checked-in subgraph SDLs (schema/NAME.graphql, listed in schema/supergraph.yaml)
//! gives today, so the gateway never serves a supergraph older than its subgraphs.

use quntuan_compose::config::LoadedConfig;
use quntuan_compose::{SubgraphSdl, compose, render_diagnostics};
use std::path::{Path, PathBuf};

const REGENERATE: &str = "regenerate it with `cargo run -p quntuan-cli -- compose --config schema/supergraph.yaml --output schema/supergraph.graphql`";

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema")
}

fn repository_subgraphs() -> Vec<SubgraphSdl> {
    let config = schema_dir().join("supergraph.yaml");
    match LoadedConfig::load(&config).and_then(|c| c.subgraphs()) {
        Ok(subgraphs) => subgraphs,
        Err(error) => panic!("{error}"),
    }
}

/// The first line where `expected` and `actual` differ, for a readable failure.
fn first_difference(expected: &str, actual: &str) -> String {
    let mut expected_lines = expected.lines();
    let mut actual_lines = actual.lines();
    for line in 1.. {
        match (expected_lines.next(), actual_lines.next()) {
            (None, None) => break,
            (e, a) if e == a => continue,
            (e, a) => {
                return format!(
                    "first difference at line {line}:\n  checked in: {}\n  composed:   {}",
                    e.unwrap_or("<end of file>"),
                    a.unwrap_or("<end of file>")
                );
            }
        }
    }
    "the files differ only in line endings or the final newline".to_string()
}

#[test]
fn the_config_lists_the_six_subgraphs_on_the_dev_ports() {
    let listed: Vec<(String, String)> = repository_subgraphs()
        .into_iter()
        .map(|s| (s.name, s.url))
        .collect();
    let expected: Vec<(String, String)> =
        ["hub", "unions", "youth", "women", "science", "disability"]
            .iter()
            .zip(4001..)
            .map(|(name, port)| (name.to_string(), format!("http://127.0.0.1:{port}/graphql")))
            .collect();
    assert_eq!(listed, expected);
}

#[test]
fn the_checked_in_supergraph_is_current() {
    let composed = match compose(&repository_subgraphs()) {
        Ok(supergraph) => supergraph.sdl,
        Err(diagnostics) => panic!(
            "the subgraph SDLs in schema/ do not compose:\n{}",
            render_diagnostics(&diagnostics)
        ),
    };
    let path = schema_dir().join("supergraph.graphql");
    let checked_in = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}; {REGENERATE}", path.display()));
    assert!(
        checked_in == composed,
        "schema/supergraph.graphql is stale (the subgraph SDLs in schema/ compose to something else); {REGENERATE}\n{}",
        first_difference(&checked_in, &composed)
    );
}

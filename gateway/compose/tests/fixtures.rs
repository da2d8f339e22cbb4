//! Composition and check cases as data. Each folder of `tests/fixtures/` holds
//! `subgraphs/*.graphql` (the subgraph name is the file name) and either:
//!
//! - `supergraph.graphql`: the expected supergraph when composition succeeds, or
//! - `diagnostics.txt`: the expected diagnostics when it fails, or
//! - `proposed/NAME.graphql` and `check.txt`: a `check` of replacing subgraph NAME.
//!
//! An optional `url.txt` gives every subgraph that routing URL (Apollo's own
//! test supergraphs use `none`); otherwise each gets `http://NAME:4000/graphql`.
//!
//! Run with `UPDATE=1` to rewrite the expected files from the current output.

use quntuan_compose::{SubgraphSdl, api_schema, check, compose, render_diagnostics};
use std::fs;
use std::path::{Path, PathBuf};

fn read_subgraphs(dir: &Path) -> Vec<SubgraphSdl> {
    let url = dir
        .parent()
        .and_then(|case| fs::read_to_string(case.join("url.txt")).ok())
        .map(|u| u.trim().to_string());
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "graphql"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_string();
            let sdl = fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            let url = url
                .clone()
                .unwrap_or_else(|| format!("http://{name}:4000/graphql"));
            SubgraphSdl::new(name, url, sdl)
        })
        .collect()
}

/// Compares with the expected file, or rewrites it under UPDATE=1. Returns a failure text.
fn compare(path: &Path, actual: &str) -> Option<String> {
    if std::env::var_os("UPDATE").is_some() {
        fs::write(path, actual).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return None;
    }
    let expected = fs::read_to_string(path).unwrap_or_default();
    if expected == actual {
        return None;
    }
    let mut diff = String::new();
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            diff = format!(
                "first difference at line {}:\n  expected: {e}\n  actual:   {a}",
                i + 1
            );
            break;
        }
    }
    if diff.is_empty() {
        diff = format!(
            "lengths differ: expected {} lines, actual {} lines",
            expected.lines().count(),
            actual.lines().count()
        );
    }
    Some(format!(
        "{}: {diff}\n--- actual ---\n{actual}",
        path.display()
    ))
}

fn run_case(dir: &Path) -> Option<String> {
    let subgraphs = read_subgraphs(&dir.join("subgraphs"));
    let proposed = dir.join("proposed");
    if proposed.is_dir() {
        let mut out = String::new();
        for p in read_subgraphs(&proposed) {
            let report = check(&subgraphs, &p.name, &p.sdl);
            out.push_str(&format!(
                "check {}: {}\n",
                p.name,
                if report.passed() { "passed" } else { "failed" }
            ));
            out.push_str(&report.to_string());
        }
        return compare(&dir.join("check.txt"), &out);
    }
    match compose(&subgraphs) {
        Ok(supergraph) => {
            if let Err(e) = api_schema(&supergraph.sdl) {
                return Some(format!(
                    "{}: the supergraph has no valid API schema: {e}",
                    dir.display()
                ));
            }
            if dir.join("diagnostics.txt").exists() && std::env::var_os("UPDATE").is_none() {
                return Some(format!(
                    "{}: expected diagnostics but composition succeeded:\n{}",
                    dir.display(),
                    supergraph.sdl
                ));
            }
            let _ = fs::remove_file(dir.join("diagnostics.txt"));
            compare(&dir.join("supergraph.graphql"), &supergraph.sdl)
        }
        Err(diagnostics) => {
            if dir.join("supergraph.graphql").exists() && std::env::var_os("UPDATE").is_none() {
                return Some(format!(
                    "{}: expected a supergraph but composition failed:\n{}",
                    dir.display(),
                    render_diagnostics(&diagnostics)
                ));
            }
            let _ = fs::remove_file(dir.join("supergraph.graphql"));
            compare(
                &dir.join("diagnostics.txt"),
                &render_diagnostics(&diagnostics),
            )
        }
    }
}

#[test]
fn every_fixture_composes_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<PathBuf> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixtures found in {}", root.display());
    let failures: Vec<String> = cases.iter().filter_map(|c| run_case(c)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

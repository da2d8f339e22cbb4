//! The default limits let every operation of the repository through: each fixture operation,
//! the benchmark queries, and the operations the end-to-end tests send (the dashboard and the
//! drill-downs), read from their sources.

use crate::server::repo_file;
use quntuan_gateway::limits::{self, LimitSettings, OperationFigures, measure_document};
use std::path::{Path, PathBuf};

fn files_named(dir: &Path, name: &str, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_named(&path, name, found);
        } else if path.file_name().is_some_and(|n| n == name) {
            found.push(path);
        }
    }
}

/// The string literals of a Rust source (`"..."` and `r#"..."#`) that look like operations.
fn operations_in_rust(source: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = source;
    while let Some(start) = rest.find('"') {
        let raw = rest[..start].ends_with("r#");
        let body = &rest[start + 1..];
        let (text, after) = if raw {
            match body.find("\"#") {
                Some(end) => (body[..end].to_string(), &body[end + 2..]),
                None => break,
            }
        } else {
            let mut text = String::new();
            let mut chars = body.char_indices();
            let mut end = body.len();
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => match chars.next() {
                        Some((_, 'n')) => text.push('\n'),
                        Some((_, '\n')) => {}
                        Some((_, other)) => text.push(other),
                        None => {}
                    },
                    '"' => {
                        end = i;
                        break;
                    }
                    c => text.push(c),
                }
            }
            (text, body.get(end + 1..).unwrap_or(""))
        };
        let trimmed = text.trim_start();
        if trimmed.starts_with('{')
            || trimmed.starts_with("query")
            || trimmed.starts_with("mutation")
        {
            found.push(text);
        }
        rest = after;
    }
    found
}

fn repository_operations() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    files_named(
        &root.join("gateway/core/tests/fixtures"),
        "operation.graphql",
        &mut files,
    );
    let mut operations: Vec<(String, String)> = files
        .iter()
        .map(|path| {
            let text = std::fs::read_to_string(path).expect("fixture operation reads");
            (path.display().to_string(), text)
        })
        .collect();
    for query in ["dashboard", "deep", "drilldown"] {
        let file = format!("bench/queries/{query}.graphql");
        operations.push((file.clone(), repo_file(&file)));
    }
    for source in [
        "tests/tests/unified_view.rs",
        "tests/tests/cross_organisation.rs",
    ] {
        for (i, text) in operations_in_rust(&repo_file(source))
            .into_iter()
            .enumerate()
        {
            operations.push((format!("{source} literal {i}"), text));
        }
    }
    operations
}

#[test]
fn the_default_limits_let_every_operation_of_the_repository_through() {
    let settings = LimitSettings::default();
    let operations = repository_operations();
    assert!(operations.len() > 250, "found only {}", operations.len());
    let mut largest = OperationFigures::default();
    let mut checked = 0;
    let mut refused = Vec::new();
    for (origin, text) in &operations {
        let document = match limits::parse(&settings, text) {
            Ok(document) => document,
            Err(errors) => {
                // Rust literals that merely start like an operation are not all GraphQL.
                if origin.ends_with(".graphql") {
                    refused.push(format!("{origin}: {errors:?}"));
                }
                continue;
            }
        };
        checked += 1;
        if let Err(errors) = limits::check(&settings, &document) {
            refused.push(format!("{origin}: {errors:?}"));
        }
        for figures in measure_document(&document) {
            largest.selections = largest.selections.max(figures.selections);
            largest.depth = largest.depth.max(figures.depth);
            largest.height = largest.height.max(figures.height);
            largest.aliases = largest.aliases.max(figures.aliases);
            largest.root_fields = largest.root_fields.max(figures.root_fields);
            largest.directives = largest.directives.max(figures.directives);
            largest.fragment_depth = largest.fragment_depth.max(figures.fragment_depth);
        }
    }
    eprintln!("{checked} operations checked; the largest figures: {largest:?}");
    assert!(refused.is_empty(), "refused:\n{}", refused.join("\n"));
    // The dashboard and drill-down of the end-to-end tests are among them.
    assert!(
        operations
            .iter()
            .any(|(origin, text)| origin.contains("unified_view")
                && text.contains("regions(level: DISTRICT)"))
    );
}

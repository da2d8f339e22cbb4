//! SDL snapshots: `schema/NAME.graphql` holds each subgraph's SDL as generated; a test
//! compares it with the code and, with `UPDATE_SDL=1`, rewrites it.

use std::path::{Path, PathBuf};

use async_graphql::{ObjectType, SDLExportOptions, Schema, SubscriptionType};

/// The SDL exactly as `_service { sdl }` serves it (same export options as async-graphql's
/// `_service` resolver).
pub fn federation_sdl<Q, M, S>(schema: &Schema<Q, M, S>) -> String
where
    Q: ObjectType + 'static,
    M: ObjectType + 'static,
    S: SubscriptionType + 'static,
{
    schema.sdl_with_options(SDLExportOptions::new().federation().compose_directive())
}

/// The snapshot path of subgraph `name`, from a crate at `subgraphs/NAME` (pass
/// `env!("CARGO_MANIFEST_DIR")`).
pub fn snapshot_path(manifest_dir: &str, name: &str) -> PathBuf {
    Path::new(manifest_dir)
        .join("..")
        .join("..")
        .join("schema")
        .join(format!("{name}.graphql"))
}

/// `Ok(())` when the snapshot equals `sdl` (or was rewritten because `UPDATE_SDL=1`),
/// otherwise an error that says how to regenerate it.
pub fn check_snapshot(name: &str, sdl: &str, path: &Path) -> Result<(), String> {
    if std::env::var("UPDATE_SDL").is_ok_and(|v| v == "1") {
        return std::fs::write(path, sdl)
            .map_err(|e| format!("cannot write {}: {e}", path.display()));
    }
    let current = std::fs::read_to_string(path).unwrap_or_default();
    if current == sdl {
        Ok(())
    } else {
        let first_diff = current
            .lines()
            .zip(sdl.lines())
            .position(|(a, b)| a != b)
            .map(|i| i + 1)
            .unwrap_or_else(|| current.lines().count().min(sdl.lines().count()) + 1);
        Err(format!(
            "{} differs from the SDL of subgraph `{name}` (first difference at line {first_diff}); \
             if the change is intended, regenerate it with `UPDATE_SDL=1 cargo test -p quntuan-{name}`",
            path.display()
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reports_drift_with_the_regeneration_command() {
        let path = std::env::temp_dir().join(format!("quntuan-sdl-{}.graphql", std::process::id()));
        let _ = std::fs::write(&path, "type Query {\n  a: Int\n}\n");
        assert_eq!(
            check_snapshot("demo", "type Query {\n  a: Int\n}\n", &path),
            Ok(())
        );
        let err = check_snapshot("demo", "type Query {\n  b: Int\n}\n", &path)
            .err()
            .unwrap_or_default();
        assert!(err.contains("first difference at line 2"), "{err}");
        assert!(
            err.contains("UPDATE_SDL=1 cargo test -p quntuan-demo"),
            "{err}"
        );
        let _ = std::fs::remove_file(path);
    }
}

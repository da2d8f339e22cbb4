//! `quntuan new-subgraph NAME`: a new organisation's subgraph in one step, copied from the
//! `sample` template (`subgraphs/sample`, `migrations/sample`: a real workspace crate, built
//! and tested with the others, so the template always compiles) with `sample` renamed, and
//! registered in the workspace's `Cargo.toml`. What it prints next: serving it, adding it to
//! `schema/supergraph.yaml`, and `quntuan check` (README, "Adding an organisation").

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub(crate) struct NewSubgraphArgs {
    /// The organisation's name: lower-case ASCII letters, 3 to 20 (e.g. `rescue`).
    name: String,
    /// The repository checkout to add it to.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

/// The template's name, in the three spellings renamed.
const TEMPLATE: &str = "sample";

pub(crate) fn run(args: NewSubgraphArgs) -> ExitCode {
    match scaffold(&args.root, &args.name) {
        Ok(written) => {
            for path in &written {
                println!("wrote {}", path.display());
            }
            println!("{}", next_steps(&args.name));
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Writes `subgraphs/NAME` and `migrations/NAME` from the template under `root` and adds
/// both crates to the workspace; answers the files written. Nothing is written when the
/// name is invalid or taken.
pub(crate) fn scaffold(root: &Path, name: &str) -> Result<Vec<PathBuf>, String> {
    check_name(name)?;
    let mut written = Vec::new();
    let mut copies = Vec::new();
    for dir in ["subgraphs", "migrations"] {
        let from = root.join(dir).join(TEMPLATE);
        let to = root.join(dir).join(name);
        if to.exists() {
            return Err(format!("{} already exists", to.display()));
        }
        if !from.is_dir() {
            return Err(format!(
                "{} is missing: run this in a Quntuan checkout (or pass --root)",
                from.display()
            ));
        }
        copies.push((from, to));
    }
    let manifest_path = root.join("Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .map_err(|e| format!("cannot read {}: {e}", manifest_path.display()))?;
    let manifest = register(&manifest, name)?;
    for (from, to) in copies {
        copy_renamed(&from, &to, name, &mut written)?;
    }
    std::fs::write(&manifest_path, manifest)
        .map_err(|e| format!("cannot write {}: {e}", manifest_path.display()))?;
    written.push(manifest_path);
    Ok(written)
}

fn check_name(name: &str) -> Result<(), String> {
    let valid = (3..=20).contains(&name.len()) && name.bytes().all(|b| b.is_ascii_lowercase());
    if !valid || name == TEMPLATE {
        return Err(format!(
            "`{name}` is not a new organisation name: use 3 to 20 lower-case ASCII letters \
             (e.g. `rescue`), other than `{TEMPLATE}`"
        ));
    }
    Ok(())
}

/// `text` with the template's name replaced in its three spellings.
fn renamed(text: &str, name: &str) -> String {
    let capitalised = capitalise(name);
    text.replace(TEMPLATE, name)
        .replace(&capitalise(TEMPLATE), &capitalised)
        .replace(&TEMPLATE.to_ascii_uppercase(), &name.to_ascii_uppercase())
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn copy_renamed(
    from: &Path,
    to: &Path,
    name: &str,
    written: &mut Vec<PathBuf>,
) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let mut entries: Vec<_> = std::fs::read_dir(from)
        .map_err(|e| format!("cannot read {}: {e}", from.display()))?
        .filter_map(Result::ok)
        .collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let file_name = entry.file_name().to_string_lossy().to_string();
        let target = to.join(renamed(&file_name, name));
        let source = entry.path();
        if source.is_dir() {
            copy_renamed(&source, &target, name, written)?;
        } else {
            let text = std::fs::read_to_string(&source)
                .map_err(|e| format!("cannot read {}: {e}", source.display()))?;
            std::fs::write(&target, renamed(&text, name))
                .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            written.push(target);
        }
    }
    Ok(())
}

/// The workspace manifest with the two new crates as members and workspace dependencies,
/// each next to the template's line.
fn register(manifest: &str, name: &str) -> Result<String, String> {
    let mut out = String::with_capacity(manifest.len() + 200);
    let mut added = 0;
    for line in manifest.lines() {
        out.push_str(line);
        out.push('\n');
        let trimmed = line.trim_start();
        let is_template_line = trimmed.starts_with("\"subgraphs/sample\"")
            || trimmed.starts_with("\"migrations/sample\"")
            || trimmed.starts_with("quntuan-sample = ")
            || trimmed.starts_with("quntuan-sample-migration = ");
        if is_template_line {
            out.push_str(&renamed(line, name));
            out.push('\n');
            added += 1;
        }
    }
    if added != 4 {
        return Err(
            "the workspace Cargo.toml does not list the sample template as members and \
             dependencies; add the new crates by hand"
                .to_string(),
        );
    }
    Ok(out)
}

fn next_steps(name: &str) -> String {
    format!(
        "\nnext:\n  \
         cargo test -p quntuan-{name} -p quntuan-{name}-migration\n  \
         add `&quntuan_{name}::{cap}` to gateway/cli/src/subgraphs.rs (serve, seed, dev)\n  \
         cargo run -p quntuan-cli -- subgraph {name} --listen 127.0.0.1:4007 > /dev/null &\n  \
         add `{name}` with its routing URL to schema/supergraph.yaml, then\n  \
         cargo run -p quntuan-cli -- check --config schema/supergraph.yaml --subgraph {name} --schema <(curl ...)\n  \
         (README, \"Adding an organisation\")",
        cap = capitalise(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The repository root of this checkout (the CLI crate is `gateway/cli`).
    fn checkout() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn copy_tree(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("a directory is created");
        for entry in std::fs::read_dir(from).expect("the template is readable") {
            let entry = entry.expect("an entry");
            let target = to.join(entry.file_name());
            if entry.path().is_dir() {
                copy_tree(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), &target).expect("a file is copied");
            }
        }
    }

    /// A scratch checkout with the real template and workspace manifest.
    fn scratch(label: &str) -> PathBuf {
        let root = std::env::temp_dir().join(format!(
            "quntuan-new-subgraph-{label}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&root);
        for dir in ["subgraphs/sample", "migrations/sample"] {
            copy_tree(&checkout().join(dir), &root.join(dir));
        }
        std::fs::copy(checkout().join("Cargo.toml"), root.join("Cargo.toml"))
            .expect("the manifest is copied");
        root
    }

    fn all_text(dir: &Path) -> String {
        let mut text = String::new();
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .expect("readable")
            .filter_map(Result::ok)
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            if entry.path().is_dir() {
                text.push_str(&all_text(&entry.path()));
            } else {
                text.push_str(&std::fs::read_to_string(entry.path()).expect("text"));
            }
        }
        text
    }

    #[test]
    fn scaffolds_a_renamed_copy_of_the_template_and_registers_it() {
        let root = scratch("ok");
        let written = scaffold(&root, "rescue").expect("the scaffold is written");
        let mut relative: Vec<String> = written
            .iter()
            .map(|p| p.strip_prefix(&root).unwrap_or(p).display().to_string())
            .collect();
        relative.sort();
        assert_eq!(
            relative,
            vec![
                "Cargo.toml",
                "migrations/rescue/Cargo.toml",
                "migrations/rescue/src/lib.rs",
                "migrations/rescue/src/m20260201_000001_create_rescue_units.rs",
                "migrations/rescue/src/m20260201_000002_create_rescue_region_figures.rs",
                "subgraphs/rescue/Cargo.toml",
                "subgraphs/rescue/src/entity.rs",
                "subgraphs/rescue/src/lib.rs",
                "subgraphs/rescue/src/schema.rs",
                "subgraphs/rescue/src/seed.rs",
                "subgraphs/rescue/src/service.rs",
                "subgraphs/rescue/tests/subgraph.rs",
            ]
        );
        let code =
            all_text(&root.join("subgraphs/rescue")) + &all_text(&root.join("migrations/rescue"));
        assert!(
            !code.to_ascii_lowercase().contains("sample"),
            "a `sample` is left"
        );
        for expected in [
            // the service type, declared through the kit's `subgraph_service!`
            "    Rescue: \"rescue\",",
            "name = \"quntuan-rescue\"",
            "located_entity!(\"rescue_units\"",
            "async fn rescue(&self",
            "seaql_migrations_rescue",
        ] {
            assert!(code.contains(expected), "missing `{expected}`");
        }
        let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("manifest");
        for line in [
            "    \"subgraphs/rescue\",",
            "    \"migrations/rescue\",",
            "quntuan-rescue = { path = \"subgraphs/rescue\" }",
            "quntuan-rescue-migration = { path = \"migrations/rescue\" }",
        ] {
            assert!(
                manifest.lines().any(|l| l == line),
                "manifest lacks `{line}`"
            );
        }
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn refuses_bad_and_taken_names_without_writing() {
        let root = scratch("refused");
        let before = std::fs::read_to_string(root.join("Cargo.toml")).expect("manifest");
        assert_eq!(
            scaffold(&root, "Rescue-1").err(),
            Some(
                "`Rescue-1` is not a new organisation name: use 3 to 20 lower-case ASCII \
                 letters (e.g. `rescue`), other than `sample`"
                    .to_string()
            )
        );
        std::fs::create_dir_all(root.join("subgraphs/rescue")).expect("a taken name");
        let taken = scaffold(&root, "rescue").err().unwrap_or_default();
        assert!(
            taken.ends_with("subgraphs/rescue already exists"),
            "{taken}"
        );
        assert_eq!(
            std::fs::read_to_string(root.join("Cargo.toml")).expect("manifest"),
            before
        );
        let _ = std::fs::remove_dir_all(root);
    }
}

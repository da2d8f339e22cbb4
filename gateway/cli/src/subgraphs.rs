//! The subgraphs of this repository, as the CLI runs them (`subgraph`, `seed`, `dev`).

use quntuan_kit::SubgraphService;

/// Every subgraph this build carries, in the order `dev` gives them ports.
pub(crate) fn all() -> Vec<&'static dyn SubgraphService> {
    vec![
        &quntuan_hub::Hub,
        &quntuan_unions::Unions,
        &quntuan_youth::Youth,
        &quntuan_women::Women,
        &quntuan_science::Science,
        &quntuan_disability::Disability,
    ]
}

pub(crate) fn by_name(name: &str) -> Result<&'static dyn SubgraphService, String> {
    all().into_iter().find(|s| s.name() == name).ok_or_else(|| {
        let names: Vec<&str> = all().iter().map(|s| s.name()).collect();
        format!(
            "no subgraph named `{name}`: choose one of {}",
            names.join(", ")
        )
    })
}

/// The default SQLite database of a subgraph under a data directory.
pub(crate) fn sqlite_url(data_dir: &std::path::Path, name: &str) -> String {
    format!("sqlite://{}/{name}.sqlite", data_dir.display())
}

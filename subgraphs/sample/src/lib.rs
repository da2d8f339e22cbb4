//! The sample subgraph: one organisation's subgraph with one record type (`SampleUnit`, a
//! grassroots unit), its migrations (`migrations/sample`), a deterministic seed, per-region
//! figures kept in a summary table, and tests. It is the template `quntuan new-subgraph
//! NAME` copies (renaming `sample`); everything shared comes from `quntuan-kit`, so this
//! crate holds only the organisation's own records, rules and schema.

pub mod entity;
mod schema;
mod seed;
pub mod service;

use quntuan_sample_migration::{Migrator, MigratorTrait};

pub use schema::{Mutation, Query, SampleSchema, build_schema, sdl};

quntuan_kit::subgraph_service! {
    /// The sample subgraph, for the `quntuan` CLI and the tests.
    Sample: "sample",
    migrator: Migrator,
    summary: service::SUMMARY,
    seed: seed::seed,
    schema: build_schema,
    sdl: sdl,
}

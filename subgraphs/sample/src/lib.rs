//! The sample subgraph: one organisation's subgraph with one record type (`SampleUnit`, a
//! grassroots unit), its migrations (`migrations/sample`), a deterministic seed, per-region
//! figures kept in a summary table, and tests. It is the template `quntuan new-subgraph
//! NAME` copies (renaming `sample`); everything shared comes from `quntuan-kit`, so this
//! crate holds only the organisation's own records, rules and schema.

pub mod entity;
mod schema;
mod seed;
pub mod service;

use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::{BoxFuture, KitError, Progress, Scale, SubgraphService};
use quntuan_sample_migration::{Migrator, MigratorTrait};

pub use schema::{Mutation, Query, SampleSchema, build_schema, sdl};

/// The sample subgraph, for the `quntuan` CLI and the tests.
pub struct Sample;

impl SubgraphService for Sample {
    fn name(&self) -> &'static str {
        "sample"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            let failed = |source| KitError::Migrate {
                subgraph: "sample",
                source,
            };
            Migrator::up(db, None).await.map_err(failed)?;
            // A database seeded before the summary existed gets its figures now.
            service::SUMMARY.fill_if_empty(db).await.map_err(failed)
        })
    }

    fn seed<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        scale: Scale,
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(seed::seed(db, scale, progress))
    }

    fn router(&self, db: DatabaseConnection) -> axum::Router {
        quntuan_kit::router(build_schema(db))
    }

    fn sdl(&self) -> String {
        sdl()
    }
}

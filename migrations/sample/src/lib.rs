//! Database migrations of the sample subgraph: one migration per file, each with `up` and
//! `down`. A change is a new migration file; an applied one is never edited.

use sea_orm_migration::prelude::*;

pub use sea_orm_migration::MigratorTrait;

mod m20260201_000001_create_sample_units;
mod m20260201_000002_create_sample_region_figures;

pub use m20260201_000002_create_sample_region_figures::FIGURE_COLUMNS;

/// Runs the sample schema migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260201_000001_create_sample_units::Migration),
            Box::new(m20260201_000002_create_sample_region_figures::Migration),
        ]
    }

    // Subgraphs may share one PostgreSQL database, so the bookkeeping table is per subgraph.
    fn migration_table_name() -> DynIden {
        "seaql_migrations_sample".into_iden()
    }
}

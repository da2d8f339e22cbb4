//! Database migrations of the science subgraph: one migration per table, each with `up` and `down`.

use sea_orm_migration::prelude::*;

pub use sea_orm_migration::MigratorTrait;

mod common;
mod m20250101_000001_create_science_associations;
mod m20250101_000002_create_science_workstations;
mod m20250101_000003_create_science_events;
mod m20250101_000004_create_science_awards;

/// Runs the science schema migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20250101_000001_create_science_associations::Migration),
            Box::new(m20250101_000002_create_science_workstations::Migration),
            Box::new(m20250101_000003_create_science_events::Migration),
            Box::new(m20250101_000004_create_science_awards::Migration),
        ]
    }

    // Subgraphs may share one PostgreSQL database in small deployments, so the bookkeeping
    // table is per subgraph.
    fn migration_table_name() -> DynIden {
        "seaql_migrations_science".into_iden()
    }
}

//! Database migrations of the disability subgraph: one migration per table, each with `up` and
//! `down`.

use sea_orm_migration::prelude::*;

pub use m20260201_000006_create_disability_region_figures::FIGURE_COLUMNS;
pub use sea_orm_migration::MigratorTrait;

mod common;
mod m20250101_000001_create_disability_organizations;
mod m20250101_000002_create_disability_workers;
mod m20250101_000003_create_disability_persons;
mod m20250101_000004_create_disability_services;
mod m20250101_000005_create_disability_awards;
mod m20260201_000006_create_disability_region_figures;

/// Runs the disability schema migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20250101_000001_create_disability_organizations::Migration),
            Box::new(m20250101_000002_create_disability_workers::Migration),
            Box::new(m20250101_000003_create_disability_persons::Migration),
            Box::new(m20250101_000004_create_disability_services::Migration),
            Box::new(m20250101_000005_create_disability_awards::Migration),
            Box::new(m20260201_000006_create_disability_region_figures::Migration),
        ]
    }

    // Subgraphs may share one PostgreSQL database in small deployments, so the bookkeeping
    // table is per subgraph.
    fn migration_table_name() -> DynIden {
        "seaql_migrations_disability".into_iden()
    }
}

//! Database migrations of the youth subgraph: one migration per table, each with `up` and `down`
//! (the last one adds the per-region figures summary).

use sea_orm_migration::prelude::*;

pub use sea_orm_migration::MigratorTrait;

mod common;
mod m20250101_000001_create_youth_branches;
mod m20250101_000002_create_youth_homes;
mod m20250101_000003_create_youth_volunteers;
mod m20250101_000004_create_youth_service_logs;
mod m20250101_000005_create_youth_activities;
mod m20250101_000006_create_youth_social_workers;
mod m20250101_000007_create_youth_awards;
mod m20250101_000008_create_youth_region_figures;
mod region_figures;

pub use region_figures::{FIGURE_COLUMNS, SUMMARY, fill_region_figures};

/// Runs the youth schema migrations in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20250101_000001_create_youth_branches::Migration),
            Box::new(m20250101_000002_create_youth_homes::Migration),
            Box::new(m20250101_000003_create_youth_volunteers::Migration),
            Box::new(m20250101_000004_create_youth_service_logs::Migration),
            Box::new(m20250101_000005_create_youth_activities::Migration),
            Box::new(m20250101_000006_create_youth_social_workers::Migration),
            Box::new(m20250101_000007_create_youth_awards::Migration),
            Box::new(m20250101_000008_create_youth_region_figures::Migration),
        ]
    }

    // Each subgraph may share one PostgreSQL database with the others in small deployments,
    // so the bookkeeping table is per subgraph.
    fn migration_table_name() -> DynIden {
        "seaql_migrations_youth".into_iden()
    }
}

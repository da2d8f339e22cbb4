//! Database migrations of the unions subgraph.
//!
//! One migration per file, each with `up` and `down` (the last one adds the per-region
//! figures summary, `unions_region_figures`). The bookkeeping table is named
//! `seaql_migrations_unions` so that the unions tables can share a database (or a PostgreSQL
//! schema) with another subgraph's without the two migrators reading each other's history.

pub use sea_orm_migration::prelude::*;

mod m20260101_000001_create_grassroots_union;
mod m20260101_000002_create_workers_home;
mod m20260101_000003_create_labor_dispute;
mod m20260101_000004_create_labor_dispute_step;
mod m20260101_000005_create_labor_award;
mod m20260101_000006_create_union_social_worker;
mod m20260101_000007_create_craftsman;
mod m20260101_000008_create_labor_social_organization;
mod m20260101_000009_create_union_activity;
mod m20260101_000010_create_unions_region_figures;
mod region_figures;
mod regional;

pub use region_figures::{DISPUTE_STATUS_COLUMNS, FIGURE_COLUMNS, SUMMARY, fill_region_figures};

/// The unions migrator: `Migrator::up(&db, None)` brings a database to the current schema.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_create_grassroots_union::Migration),
            Box::new(m20260101_000002_create_workers_home::Migration),
            Box::new(m20260101_000003_create_labor_dispute::Migration),
            Box::new(m20260101_000004_create_labor_dispute_step::Migration),
            Box::new(m20260101_000005_create_labor_award::Migration),
            Box::new(m20260101_000006_create_union_social_worker::Migration),
            Box::new(m20260101_000007_create_craftsman::Migration),
            Box::new(m20260101_000008_create_labor_social_organization::Migration),
            Box::new(m20260101_000009_create_union_activity::Migration),
            Box::new(m20260101_000010_create_unions_region_figures::Migration),
        ]
    }

    fn migration_table_name() -> DynIden {
        "seaql_migrations_unions".into_iden()
    }
}

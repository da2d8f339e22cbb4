//! Database migrations of the women subgraph.
//!
//! One migration per file, each with `up` and `down`. The bookkeeping table is named
//! `seaql_migrations_women` so that the women tables can share a database (or a PostgreSQL
//! schema) with another subgraph's without the two migrators reading each other's history.

pub use m20260201_000010_create_women_region_figures::FIGURE_COLUMNS;
pub use sea_orm_migration::prelude::*;

mod m20260101_000001_create_women_organization;
mod m20260101_000002_create_womens_home;
mod m20260101_000003_create_childrens_home;
mod m20260101_000004_create_women_social_organization;
mod m20260101_000005_create_women_officer;
mod m20260101_000006_create_red_banner_collective;
mod m20260101_000007_create_family_education_activity;
mod m20260101_000008_create_rights_assistance;
mod m20260101_000009_unique_rights_assistance;
mod m20260201_000010_create_women_region_figures;
mod regional;

/// The women migrator: `Migrator::up(&db, None)` brings a database to the current schema.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_create_women_organization::Migration),
            Box::new(m20260101_000002_create_womens_home::Migration),
            Box::new(m20260101_000003_create_childrens_home::Migration),
            Box::new(m20260101_000004_create_women_social_organization::Migration),
            Box::new(m20260101_000005_create_women_officer::Migration),
            Box::new(m20260101_000006_create_red_banner_collective::Migration),
            Box::new(m20260101_000007_create_family_education_activity::Migration),
            Box::new(m20260101_000008_create_rights_assistance::Migration),
            Box::new(m20260101_000009_unique_rights_assistance::Migration),
            Box::new(m20260201_000010_create_women_region_figures::Migration),
        ]
    }

    fn migration_table_name() -> DynIden {
        "seaql_migrations_women".into_iden()
    }
}

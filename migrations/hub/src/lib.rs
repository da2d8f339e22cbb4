//! Database migrations of the hub subgraph: regions, shared service centres, joint
//! meetings and projects, satisfaction ratings, and the shared directory of every
//! organisation's units, activities and awards.
//!
//! One migration per file, each with `up` and `down`. The bookkeeping table is
//! `seaql_migrations_hub`, so hub tables can share a database with another subgraph's.

pub use sea_orm_migration::prelude::*;

mod columns;
mod m20260101_000001_create_region;
mod m20260101_000002_create_service_center;
mod m20260101_000003_create_joint_meeting;
mod m20260101_000004_create_joint_project;
mod m20260101_000005_create_joint_project_department;
mod m20260101_000006_create_joint_project_organization;
mod m20260101_000007_create_satisfaction_rating;
mod m20260101_000008_create_directory_unit;
mod m20260101_000009_create_directory_activity;
mod m20260101_000010_create_directory_award;

/// The hub migrator: `Migrator::up(&db, None)` brings a database to the current schema.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20260101_000001_create_region::Migration),
            Box::new(m20260101_000002_create_service_center::Migration),
            Box::new(m20260101_000003_create_joint_meeting::Migration),
            Box::new(m20260101_000004_create_joint_project::Migration),
            Box::new(m20260101_000005_create_joint_project_department::Migration),
            Box::new(m20260101_000006_create_joint_project_organization::Migration),
            Box::new(m20260101_000007_create_satisfaction_rating::Migration),
            Box::new(m20260101_000008_create_directory_unit::Migration),
            Box::new(m20260101_000009_create_directory_activity::Migration),
            Box::new(m20260101_000010_create_directory_award::Migration),
        ]
    }

    fn migration_table_name() -> DynIden {
        "seaql_migrations_hub".into_iden()
    }
}

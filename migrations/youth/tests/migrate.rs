//! The youth migrations apply, report their status, and roll back cleanly on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::Database;

use quntuan_youth_migration::Migrator;

#[tokio::test]
async fn migrations_can_go_up_and_down() -> Result<(), DbErr> {
    let db = Database::connect("sqlite::memory:").await?;
    Migrator::up(&db, None).await?;
    let manager = SchemaManager::new(&db);
    for table in [
        "youth_branches",
        "youth_homes",
        "youth_volunteers",
        "youth_service_logs",
        "youth_activities",
        "youth_social_workers",
        "youth_awards",
        "youth_region_figures",
    ] {
        assert!(
            manager.has_table(table).await?,
            "{table} should exist after up"
        );
    }
    assert!(
        manager
            .has_index("youth_volunteers", "idx_youth_volunteers_district_code")
            .await?
    );
    Migrator::down(&db, None).await?;
    assert!(!manager.has_table("youth_region_figures").await?);
    assert!(!manager.has_table("youth_volunteers").await?);
    assert!(!manager.has_table("youth_branches").await?);
    Ok(())
}

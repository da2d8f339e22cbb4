//! The hub migrator creates every table and index, undoes them all, and applies again;
//! on SQLite and (with DATABASE_URL) PostgreSQL.

use quntuan_hub_migration::Migrator;
use quntuan_kit::test_database;
use sea_orm_migration::prelude::*;

const TABLES: [&str; 10] = [
    "region",
    "service_center",
    "joint_meeting",
    "joint_project",
    "joint_project_department",
    "joint_project_organization",
    "satisfaction_rating",
    "directory_unit",
    "directory_activity",
    "directory_award",
];

async fn existing(manager: &SchemaManager<'_>) -> Result<Vec<&'static str>, DbErr> {
    let mut out = Vec::new();
    for table in TABLES {
        if manager.has_table(table).await? {
            out.push(table);
        }
    }
    Ok(out)
}

#[tokio::test]
async fn migrations_go_up_down_and_up_again() -> Result<(), DbErr> {
    let db = test_database().await;
    let manager = SchemaManager::new(&db);
    Migrator::up(&db, None).await?;
    assert_eq!(existing(&manager).await?, TABLES.to_vec());
    for (table, index) in [
        ("directory_unit", "idx_directory_unit_district_code"),
        ("directory_unit", "idx_directory_unit_organization"),
        ("directory_activity", "idx_directory_activity_held_on"),
        ("directory_award", "idx_directory_award_year"),
        ("region", "idx_region_parent_code"),
        ("service_center", "idx_service_center_street_code"),
        (
            "satisfaction_rating",
            "idx_satisfaction_rating_service_center_id",
        ),
    ] {
        assert!(manager.has_index(table, index).await?, "{index} exists");
    }
    Migrator::down(&db, None).await?;
    assert_eq!(existing(&manager).await?, Vec::<&str>::new());
    Migrator::up(&db, None).await?;
    assert_eq!(existing(&manager).await?, TABLES.to_vec());
    Ok(())
}

//! The youth migrations apply, report their status, and roll back cleanly on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, Database, DbBackend, Statement};

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

/// A database seeded before the summary existed gets its figures when the summary's
/// migration runs: every level from the rows already there.
#[tokio::test]
async fn the_summary_migration_fills_from_existing_rows() -> Result<(), DbErr> {
    let db = Database::connect("sqlite::memory:").await?;
    Migrator::up(&db, Some(7)).await?;
    db.execute_unprepared(
        "INSERT INTO youth_branches (id, name, kind, member_count, founded_on, region_code, street_code, district_code) VALUES \
         (1, 'a', 'k', 30, '2020-01-01', '510104003001', '510104003', '510104'), \
         (2, 'b', 'k', 12, '2020-01-01', '510104003', '510104003', '510104'), \
         (3, 'c', 'k', 5, '2020-01-01', '510105001002', '510105001', '510105'); \
         INSERT INTO youth_awards (id, title, recipient_unit, year, region_code, street_code, district_code) VALUES \
         (1, 't', 'u', 2024, '510105001', '510105001', '510105')",
    )
    .await?;
    Migrator::up(&db, None).await?;
    let rows = db
        .query_all_raw(Statement::from_string(
            DbBackend::Sqlite,
            "SELECT code, branch_count, member_count, volunteer_count, award_count FROM youth_region_figures ORDER BY code",
        ))
        .await?;
    let mut figures = Vec::new();
    for row in rows {
        figures.push((
            row.try_get::<String>("", "code")?,
            row.try_get::<i64>("", "branch_count")?,
            row.try_get::<i64>("", "member_count")?,
            row.try_get::<i64>("", "volunteer_count")?,
            row.try_get::<i64>("", "award_count")?,
        ));
    }
    let expected: Vec<(String, i64, i64, i64, i64)> = [
        ("510100", 3, 47, 0, 1),
        ("510104", 2, 42, 0, 0),
        ("510104003", 2, 42, 0, 0),
        ("510104003001", 1, 30, 0, 0),
        ("510105", 1, 5, 0, 1),
        ("510105001", 1, 5, 0, 1),
        ("510105001002", 1, 5, 0, 0),
    ]
    .into_iter()
    .map(|(c, b, m, v, a)| (c.to_string(), b, m, v, a))
    .collect();
    assert_eq!(figures, expected);
    Ok(())
}

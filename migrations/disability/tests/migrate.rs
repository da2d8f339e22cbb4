//! The disability migrations apply and roll back cleanly on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::Database;

use quntuan_disability_migration::Migrator;

#[tokio::test]
async fn migrations_can_go_up_and_down() -> Result<(), DbErr> {
    let db = Database::connect("sqlite::memory:").await?;
    Migrator::up(&db, None).await?;
    let manager = SchemaManager::new(&db);
    for table in [
        "disability_organizations",
        "disability_workers",
        "disability_persons",
        "disability_services",
        "disability_awards",
        "disability_region_figures",
    ] {
        assert!(
            manager.has_table(table).await?,
            "{table} should exist after up"
        );
    }
    assert!(
        manager
            .has_index("disability_persons", "idx_disability_persons_category")
            .await?
    );
    Migrator::down(&db, None).await?;
    for table in [
        "disability_organizations",
        "disability_persons",
        "disability_region_figures",
    ] {
        assert!(
            !manager.has_table(table).await?,
            "{table} should be gone after down"
        );
    }
    Ok(())
}

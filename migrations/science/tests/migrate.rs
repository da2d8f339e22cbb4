//! The science migrations apply and roll back cleanly on SQLite.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::Database;

use quntuan_science_migration::Migrator;

#[tokio::test]
async fn migrations_can_go_up_and_down() -> Result<(), DbErr> {
    let db = Database::connect("sqlite::memory:").await?;
    Migrator::up(&db, None).await?;
    let manager = SchemaManager::new(&db);
    for table in [
        "science_associations",
        "science_workstations",
        "science_events",
        "science_awards",
    ] {
        assert!(
            manager.has_table(table).await?,
            "{table} should exist after up"
        );
    }
    assert!(
        manager
            .has_index("science_events", "idx_science_events_street_code")
            .await?
    );
    Migrator::down(&db, None).await?;
    for table in ["science_associations", "science_events"] {
        assert!(
            !manager.has_table(table).await?,
            "{table} should be gone after down"
        );
    }
    Ok(())
}

//! The women migrator must create every table and index, undo them all, and apply again.

use quntuan_kit::test_database;
use quntuan_women_migration::Migrator;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DatabaseConnection, DbBackend, Statement};

const TABLES: [&str; 9] = [
    "women_organization",
    "womens_home",
    "childrens_home",
    "women_social_organization",
    "women_officer",
    "red_banner_collective",
    "family_education_activity",
    "rights_assistance",
    "women_region_figures",
];

async fn index_names(db: &DatabaseConnection) -> Vec<String> {
    // Both backends, so the test means the same on SQLite and on PostgreSQL.
    let sql = match db.get_database_backend() {
        DbBackend::Postgres => {
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() \
             AND (indexname LIKE 'idx_%' OR indexname LIKE 'uq_%') ORDER BY indexname"
        }
        _ => {
            "SELECT name FROM sqlite_master WHERE type = 'index' \
             AND (name LIKE 'idx_%' OR name LIKE 'uq_%') ORDER BY name"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("sqlite_master can be read");
    rows.iter()
        .map(|row| row.try_get::<String>("", "name").expect("name is text"))
        .collect()
}

#[tokio::test]
async fn migrations_can_go_up_down_and_up_again() {
    let db = test_database().await;
    let manager = SchemaManager::new(&db);

    Migrator::up(&db, None).await.expect("migrations apply");
    for table in TABLES {
        assert!(
            manager.has_table(table).await.expect("has_table works"),
            "{table} exists"
        );
    }

    Migrator::down(&db, None).await.expect("migrations undo");
    for table in TABLES {
        assert!(
            !manager.has_table(table).await.expect("has_table works"),
            "{table} dropped"
        );
    }

    Migrator::up(&db, None)
        .await
        .expect("migrations apply again");
    assert_eq!(
        Migrator::get_pending_migrations(&db)
            .await
            .expect("status")
            .len(),
        0
    );
}

#[tokio::test]
async fn every_filter_and_join_column_is_indexed() {
    let db = test_database().await;
    Migrator::up(&db, None).await.expect("migrations apply");
    let expected: Vec<String> = [
        "idx_childrens_home_district_code",
        "idx_childrens_home_organization_id",
        "idx_childrens_home_region_code",
        "idx_childrens_home_service_center_id",
        "idx_childrens_home_street_code",
        "idx_family_education_activity_district_code",
        "idx_family_education_activity_held_on",
        "idx_family_education_activity_kind",
        "idx_family_education_activity_region_code",
        "idx_family_education_activity_service_center_id",
        "idx_family_education_activity_street_code",
        "idx_family_education_activity_womens_home_id",
        "idx_red_banner_collective_district_code",
        "idx_red_banner_collective_region_code",
        "idx_red_banner_collective_street_code",
        "idx_red_banner_collective_year",
        "idx_rights_assistance_dispute_id",
        "idx_rights_assistance_district_code",
        "idx_rights_assistance_kind",
        "idx_rights_assistance_organization_id",
        "idx_rights_assistance_region_code",
        "idx_rights_assistance_street_code",
        "idx_women_officer_district_code",
        "idx_women_officer_organization_id",
        "idx_women_officer_region_code",
        "idx_women_officer_role",
        "idx_women_officer_street_code",
        "idx_women_organization_district_code",
        "idx_women_organization_kind",
        "idx_women_organization_region_code",
        "idx_women_organization_street_code",
        "idx_women_social_organization_district_code",
        "idx_women_social_organization_field",
        "idx_women_social_organization_region_code",
        "idx_women_social_organization_street_code",
        "idx_womens_home_district_code",
        "idx_womens_home_organization_id",
        "idx_womens_home_region_code",
        "idx_womens_home_service_center_id",
        "idx_womens_home_street_code",
        "uq_rights_assistance_visit",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(index_names(&db).await, expected);
}

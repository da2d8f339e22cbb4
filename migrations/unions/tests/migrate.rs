//! The unions migrator must create every table and index, undo them all, and apply again.

use quntuan_kit::test_database;
use quntuan_unions_migration::Migrator;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DatabaseConnection, DbBackend, Statement};

const TABLES: [&str; 9] = [
    "grassroots_union",
    "workers_home",
    "labor_dispute",
    "labor_dispute_step",
    "labor_award",
    "union_social_worker",
    "craftsman",
    "labor_social_organization",
    "union_activity",
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
        "idx_craftsman_district_code",
        "idx_craftsman_honoured_year",
        "idx_craftsman_level",
        "idx_craftsman_region_code",
        "idx_craftsman_street_code",
        "idx_craftsman_trade",
        "idx_grassroots_union_district_code",
        "idx_grassroots_union_kind",
        "idx_grassroots_union_region_code",
        "idx_grassroots_union_service_center_id",
        "idx_grassroots_union_street_code",
        "idx_labor_award_district_code",
        "idx_labor_award_kind",
        "idx_labor_award_region_code",
        "idx_labor_award_street_code",
        "idx_labor_award_year",
        "idx_labor_dispute_category",
        "idx_labor_dispute_district_code",
        "idx_labor_dispute_received_on",
        "idx_labor_dispute_region_code",
        "idx_labor_dispute_service_center_id",
        "idx_labor_dispute_status",
        "idx_labor_dispute_step_dispute_id",
        "idx_labor_dispute_step_to_status",
        "idx_labor_dispute_street_code",
        "idx_labor_dispute_union_id",
        "idx_labor_social_organization_district_code",
        "idx_labor_social_organization_field",
        "idx_labor_social_organization_region_code",
        "idx_labor_social_organization_service_center_id",
        "idx_labor_social_organization_street_code",
        "idx_union_activity_district_code",
        "idx_union_activity_held_on",
        "idx_union_activity_kind",
        "idx_union_activity_region_code",
        "idx_union_activity_service_center_id",
        "idx_union_activity_street_code",
        "idx_union_social_worker_district_code",
        "idx_union_social_worker_region_code",
        "idx_union_social_worker_service_center_id",
        "idx_union_social_worker_specialty",
        "idx_union_social_worker_street_code",
        "idx_union_social_worker_union_id",
        "idx_workers_home_district_code",
        "idx_workers_home_model_level",
        "idx_workers_home_region_code",
        "idx_workers_home_service_center_id",
        "idx_workers_home_street_code",
        "idx_workers_home_union_id",
        "uq_labor_dispute_step_dispute_seq",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(index_names(&db).await, expected);
}

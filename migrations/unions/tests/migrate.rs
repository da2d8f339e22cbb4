//! The unions migrator must create every table and index, undo them all, and apply again;
//! the figures summary it adds last is backfilled from the rows already there.

use quntuan_kit::test_database;
use quntuan_unions_migration::{FIGURE_COLUMNS, Migrator};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{DatabaseConnection, DbBackend, Statement};

const TABLES: [&str; 10] = [
    "grassroots_union",
    "workers_home",
    "labor_dispute",
    "labor_dispute_step",
    "labor_award",
    "union_social_worker",
    "craftsman",
    "labor_social_organization",
    "union_activity",
    "unions_region_figures",
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

async fn execute(db: &DatabaseConnection, sql: &str) {
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("statement runs");
}

/// The summary of `code` as `(column, value)` pairs, in `FIGURE_COLUMNS` order.
async fn summary_row(db: &DatabaseConnection, code: &str) -> Vec<(String, i64)> {
    let sql = format!(
        "SELECT {} FROM unions_region_figures WHERE code = '{code}'",
        FIGURE_COLUMNS.join(", ")
    );
    let row = db
        .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("summary reads")
        .unwrap_or_else(|| panic!("a summary row for {code}"));
    FIGURE_COLUMNS
        .iter()
        .map(|c| (String::from(*c), row.try_get::<i64>("", c).expect("figure")))
        .collect()
}

/// `FIGURE_COLUMNS` with the given non-zero values, the rest zero.
fn figures(non_zero: &[(&str, i64)]) -> Vec<(String, i64)> {
    FIGURE_COLUMNS
        .iter()
        .map(|c| {
            let value = non_zero.iter().find(|(n, _)| n == c).map_or(0, |(_, v)| *v);
            (String::from(*c), value)
        })
        .collect()
}

#[tokio::test]
async fn the_summary_migration_backfills_rows_written_before_it() {
    let db = test_database().await;
    Migrator::up(&db, Some(9))
        .await
        .expect("the table migrations apply");
    execute(
        &db,
        "INSERT INTO grassroots_union (id, name, kind, member_count, founded_on, chair_name, \
         chair_phone, region_code, street_code, district_code) VALUES \
         ('u1', 'A', 'ENTERPRISE', 30, '2020-01-01', 'C', '13900001111', '510104001001', '510104001', '510104'), \
         ('u2', 'B', 'ENTERPRISE', 5, '2020-01-01', 'C', '13900001111', '510104002', '510104002', '510104'), \
         ('u3', 'C', 'ENTERPRISE', 7, '2020-01-01', 'C', '13900001111', '510106001001', '510106001', '510106')",
    )
    .await;
    execute(
        &db,
        "INSERT INTO workers_home (id, name, union_id, model_level, area_sqm, opened_on, \
         region_code, street_code, district_code) VALUES \
         ('h1', 'H', 'u1', 'NATIONAL', 80, '2021-01-01', '510104001001', '510104001', '510104'), \
         ('h2', 'H', 'u1', NULL, 80, '2021-01-01', '510104001002', '510104001', '510104')",
    )
    .await;
    Migrator::up(&db, None).await.expect("the summary applies");

    let homes = [
        ("workers_home_count", 1),
        ("model_home_count", 1),
        ("national_model_home_count", 1),
    ];
    let mut community = vec![("grassroots_union_count", 1), ("member_count", 30)];
    community.extend(homes);
    assert_eq!(summary_row(&db, "510104001001").await, figures(&community));
    let mut street = vec![("grassroots_union_count", 1), ("member_count", 30)];
    street.extend([("workers_home_count", 2), ("model_home_count", 1)]);
    street.push(("national_model_home_count", 1));
    assert_eq!(summary_row(&db, "510104001").await, figures(&street));
    assert_eq!(
        summary_row(&db, "510104002").await,
        figures(&[("grassroots_union_count", 1), ("member_count", 5)])
    );
    let mut district = vec![("grassroots_union_count", 2), ("member_count", 35)];
    district.extend([("workers_home_count", 2), ("model_home_count", 1)]);
    district.push(("national_model_home_count", 1));
    assert_eq!(summary_row(&db, "510104").await, figures(&district));
    let mut city = vec![("grassroots_union_count", 3), ("member_count", 42)];
    city.extend([("workers_home_count", 2), ("model_home_count", 1)]);
    city.push(("national_model_home_count", 1));
    assert_eq!(summary_row(&db, "510100").await, figures(&city));
}

//! The seed: demo counts, and the secondary indexes suspended during the bulk load are all
//! back afterwards.

mod common;

use quntuan_kit::reexports::sea_orm::{ConnectionTrait, DbBackend, Statement};

#[tokio::test]
async fn the_seed_leaves_every_index_in_place() {
    let db = common::seeded_database().await;
    let backend = db.get_database_backend();
    let sql = match backend {
        DbBackend::Postgres => {
            "SELECT indexname AS name FROM pg_indexes WHERE schemaname = current_schema() \
             AND tablename IN ('youth_volunteers', 'youth_service_logs') AND indexname NOT LIKE '%pkey' ORDER BY 1"
        }
        _ => {
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL \
             AND tbl_name IN ('youth_volunteers', 'youth_service_logs') ORDER BY 1"
        }
    };
    let rows = db
        .query_all_raw(Statement::from_string(backend, sql))
        .await
        .expect("index list reads");
    let names: Vec<String> = rows
        .iter()
        .map(|r| r.try_get::<String>("", "name").expect("name column"))
        .collect();
    assert_eq!(
        names,
        [
            "idx_youth_service_logs_district_code",
            "idx_youth_service_logs_region_code",
            "idx_youth_service_logs_served_on",
            "idx_youth_service_logs_street_code",
            "idx_youth_service_logs_volunteer_id",
            "idx_youth_volunteers_branch_id",
            "idx_youth_volunteers_district_code",
            "idx_youth_volunteers_region_code",
            "idx_youth_volunteers_street_code",
            "uq_youth_volunteers_id_number",
        ]
    );
}

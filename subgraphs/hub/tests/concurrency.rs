//! Concurrent writes all commit: 8 clients x 10 `rateService` each through the schema, on
//! a database many connections share (a SQLite file, or PostgreSQL when DATABASE_URL is
//! set). Every rating commits exactly once, each centre's totals (its summary, kept by
//! atomic increments) equal the live aggregate of its ratings, and no other table changes.
//! A rating has no natural key, so there is no duplicate to refuse here.

mod common;

use quntuan_hub::Hub;
use quntuan_hub::schema::{HubSchema, build};
use quntuan_kit::Caller;
use quntuan_kit::testing::region_summary::plus_rows;
use quntuan_kit::testing::{
    WRITES, assert_committed, clients_writing, execute, shared_seeded_database,
};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::{Value, json};

const RATE: &str = "mutation($input: RateServiceInput!) { rateService(input: $input) { score } }";

/// Even clients rate hall 01, odd ones hall 02; scores 1 to 5, twice each.
async fn write(schema: HubSchema, client: usize, n: usize) -> Value {
    let input = json!({"input": {
        "serviceCenterId": format!("sc-hall-0{}", client % 2 + 1),
        "score": n % 5 + 1,
        "organization": "YOUTH"
    }});
    execute(
        &schema,
        Caller::new(format!("resident-{client}"), &[]),
        RATE,
        input,
    )
    .await
}

/// Per centre: (stored count, stored sum, live count, live sum), for centres with ratings
/// or totals.
async fn totals(db: &DatabaseConnection) -> Vec<(String, i64, i64, i64, i64)> {
    let sql = "SELECT c.id, CAST(c.rating_count AS BIGINT) AS stored_count, \
               CAST(c.rating_sum AS BIGINT) AS stored_sum, \
               CAST(COUNT(r.id) AS BIGINT) AS live_count, \
               CAST(COALESCE(SUM(r.score), 0) AS BIGINT) AS live_sum \
               FROM service_center c LEFT JOIN satisfaction_rating r \
               ON r.service_center_id = c.id \
               GROUP BY c.id, c.rating_count, c.rating_sum \
               HAVING c.rating_count > 0 OR COUNT(r.id) > 0";
    let rows = db
        .query_all_raw(Statement::from_string(db.get_database_backend(), sql))
        .await
        .expect("the totals read");
    let mut totals: Vec<_> = rows
        .iter()
        .map(|row| {
            let get = |column: &str| row.try_get::<i64>("", column).expect("an integer");
            (
                row.try_get::<String>("", "id").expect("an id"),
                get("stored_count"),
                get("stored_sum"),
                get("live_count"),
                get("live_sum"),
            )
        })
        .collect();
    // Sorted here: PostgreSQL's collation may order ids differently from Rust.
    totals.sort();
    totals
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_clients_commit_every_rating_exactly_once() {
    let shared = shared_seeded_database(&Hub).await;
    let schema = build(shared.db.clone());
    let before = common::row_counts(&shared.db).await;
    let totals_before = totals(&shared.db).await;
    assert!(
        totals_before.iter().all(|t| (t.1, t.2) == (t.3, t.4)),
        "{totals_before:?}"
    );

    let results = clients_writing(&schema, write).await;

    assert_committed(&results, 0..WRITES);
    // Each hall: 4 clients x 10 ratings more, scores summing to 4 x 2 x 15; every
    // centre's stored totals equal its live aggregate.
    let mut expected_totals = totals_before.clone();
    for hall in ["sc-hall-01", "sc-hall-02"] {
        match expected_totals.iter_mut().find(|t| t.0 == hall) {
            Some(t) => *t = (t.0.clone(), t.1 + 40, t.2 + 120, t.3 + 40, t.4 + 120),
            None => expected_totals.push((hall.to_string(), 40, 120, 40, 120)),
        }
    }
    expected_totals.sort();
    assert_eq!(totals(&shared.db).await, expected_totals);
    let expected = plus_rows(&before, &[("satisfaction_rating", 80)]);
    assert_eq!(common::row_counts(&shared.db).await, expected);
}

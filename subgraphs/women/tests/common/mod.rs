//! Shared test helpers (the kit's test support with this crate's schema): a migrated and
//! seeded demo database, and running operations on the schema as a given caller.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use chrono::{DateTime, TimeZone, Utc};
use quntuan_kit::testing::{self, fixture};
use quntuan_kit::{Caller, StatementCounter};
use quntuan_women::Women;
use quntuan_women::graphql::{Clock, SchemaOptions, WomenSchema, build_with};
use sea_orm::DatabaseConnection;
use serde_json::Value;

#[allow(
    unused_imports,
    reason = "each test binary uses a different subset of the helpers"
)]
pub(crate) use quntuan_kit::testing::sorted;

/// The instant mutations see in tests.
pub(crate) fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

/// A fresh database (SQLite in memory, or a PostgreSQL schema when `DATABASE_URL` is set)
/// with the women tables and the demo data.
pub(crate) async fn seeded_database() -> DatabaseConnection {
    testing::seeded_test_database(&Women).await
}

fn build(db: DatabaseConnection) -> WomenSchema {
    let options = SchemaOptions {
        clock: Clock::Fixed(test_now()),
    };
    build_with(db, options)
}

/// The schema over a seeded demo database, with the fixed test clock.
pub(crate) async fn seeded_schema() -> (WomenSchema, DatabaseConnection) {
    let seeded = fixture(&Women, build).await;
    (seeded.schema, seeded.db)
}

/// The schema over a seeded demo database whose statements are counted. The kit's loaders
/// batch by the shape of the query, not by a time window, so the counts are exact whatever
/// the machine's load.
pub(crate) async fn counted_schema() -> (WomenSchema, StatementCounter) {
    let seeded = fixture(&Women, build).await;
    (seeded.schema, seeded.counter)
}

/// A caller with the women's federation's personal-data scope.
pub(crate) fn officer() -> Caller {
    testing::officer_of("women")
}

/// A signed-in caller without any scope.
pub(crate) fn clerk() -> Caller {
    Caller::new("clerk-7", &[])
}

/// Runs `query` with `variables` as `caller` and returns the whole response as JSON.
pub(crate) async fn run(
    schema: &WomenSchema,
    caller: Caller,
    query: &str,
    variables: Value,
) -> Value {
    testing::execute(schema, caller, query, variables).await
}

/// The number of rows of every women table, to show that a refused mutation wrote nothing.
pub(crate) async fn row_counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    testing::row_counts(
        db,
        &[
            "women_organization",
            "womens_home",
            "childrens_home",
            "women_social_organization",
            "women_officer",
            "red_banner_collective",
            "family_education_activity",
            "rights_assistance",
        ],
    )
    .await
}

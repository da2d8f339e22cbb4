//! Shared test helpers (the kit's test support with this crate's schema): a migrated and
//! seeded demo database, and running operations on the schema as a given caller.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use chrono::{DateTime, TimeZone, Utc};
use quntuan_kit::testing::{self, fixture};
use quntuan_kit::{Caller, StatementCounter};
use quntuan_unions::Unions;
use quntuan_unions::graphql::{Clock, SchemaOptions, UnionsSchema, build_with};
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
/// with the unions tables and the demo data.
pub(crate) async fn seeded_database() -> DatabaseConnection {
    testing::seeded_test_database(&Unions).await
}

fn build(db: DatabaseConnection) -> UnionsSchema {
    let options = SchemaOptions {
        clock: Clock::Fixed(test_now()),
    };
    build_with(db, options)
}

/// The schema over a seeded demo database, with the fixed test clock.
pub(crate) async fn seeded_schema() -> (UnionsSchema, DatabaseConnection) {
    let seeded = fixture(&Unions, build).await;
    (seeded.schema, seeded.db)
}

/// The schema over a seeded demo database whose statements are counted. The kit's loaders
/// batch by the shape of the query, not by a time window, so the counts are exact whatever
/// the machine's load.
pub(crate) async fn counted_schema() -> (UnionsSchema, StatementCounter) {
    let seeded = fixture(&Unions, build).await;
    (seeded.schema, seeded.counter)
}

/// A caller with the unions' personal-data scope.
pub(crate) fn officer() -> Caller {
    testing::officer_of("unions")
}

/// A signed-in caller without any scope.
pub(crate) fn clerk() -> Caller {
    Caller::new("clerk-7", &[])
}

/// Runs `query` with `variables` as `caller` and returns the whole response as JSON.
pub(crate) async fn run(
    schema: &UnionsSchema,
    caller: Caller,
    query: &str,
    variables: Value,
) -> Value {
    testing::execute(schema, caller, query, variables).await
}

/// The number of rows of every unions table, to show that a refused mutation wrote nothing.
pub(crate) async fn row_counts(db: &DatabaseConnection) -> Vec<(String, i64)> {
    testing::row_counts(
        db,
        &[
            "grassroots_union",
            "workers_home",
            "labor_dispute",
            "labor_dispute_step",
            "labor_award",
            "union_social_worker",
            "craftsman",
            "labor_social_organization",
            "union_activity",
        ],
    )
    .await
}

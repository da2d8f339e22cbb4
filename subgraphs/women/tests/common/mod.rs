//! Shared test helpers: a migrated and seeded demo database, and running operations on the
//! schema as a given caller.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use async_graphql::Request;
use chrono::{DateTime, TimeZone, Utc};
use quntuan_kit::{Caller, Progress, Scale, StatementCounter, SubgraphService, test_database};
use quntuan_women::Women;
use quntuan_women::graphql::{Clock, SchemaOptions, WomenSchema, build_with};
use sea_orm::DatabaseConnection;
use serde_json::Value;

/// The instant mutations see in tests.
pub(crate) fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

/// A fresh database (SQLite in memory, or a PostgreSQL schema when `DATABASE_URL` is set)
/// with the women tables and the demo data.
pub(crate) async fn seeded_database() -> DatabaseConnection {
    let db = test_database().await;
    Women
        .migrate(&db)
        .await
        .expect("the women migrations apply");
    Women
        .seed(&db, Scale::Demo, &Progress::hidden())
        .await
        .expect("the demo seed loads");
    db
}

/// The schema over a seeded demo database, with the fixed test clock.
pub(crate) async fn seeded_schema() -> (WomenSchema, DatabaseConnection) {
    let db = seeded_database().await;
    let options = SchemaOptions {
        clock: Clock::Fixed(test_now()),
        ..SchemaOptions::default()
    };
    (build_with(db.clone(), options), db)
}

/// The schema over a seeded demo database whose statements are counted. The kit's loaders
/// batch by the shape of the query, not by a time window, so the counts are exact whatever
/// the machine's load.
pub(crate) async fn counted_schema() -> (WomenSchema, StatementCounter) {
    let mut db = seeded_database().await;
    let counter = StatementCounter::attach(&mut db);
    let options = SchemaOptions {
        clock: Clock::Fixed(test_now()),
    };
    (build_with(db, options), counter)
}

/// A caller with the women's federation's personal-data scope.
pub(crate) fn officer() -> Caller {
    Caller::new("officer-1", &["women:personal"])
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
    let request = Request::new(query)
        .variables(async_graphql::Variables::from_json(variables))
        .data(caller);
    let response = schema.execute(request).await;
    serde_json::to_value(&response).expect("a response serialises to JSON")
}

/// `value` in a canonical form for snapshots: every object's keys sorted, and a top-level
/// `errors` list sorted by path. async-graphql emits the fields of an object (and field
/// errors) in the order their resolvers finish, which varies from run to run.
pub(crate) fn sorted(value: Value) -> Value {
    let mut value = sort_keys(value);
    if let Some(Value::Array(errors)) = value.get_mut("errors") {
        errors.sort_by_key(|e| {
            (
                e.get("path").map(Value::to_string),
                e.get("message").map(Value::to_string),
            )
        });
    }
    value
}

fn sort_keys(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, sort_keys(v)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// The number of rows of every women table, to show that a refused mutation wrote nothing.
pub(crate) async fn row_counts(db: &DatabaseConnection) -> Vec<(&'static str, i64)> {
    use sea_orm::{ConnectionTrait, Statement};
    let mut counts = Vec::new();
    for table in [
        "women_organization",
        "womens_home",
        "childrens_home",
        "women_social_organization",
        "women_officer",
        "red_banner_collective",
        "family_education_activity",
        "rights_assistance",
    ] {
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                format!("SELECT COUNT(*) AS n FROM {table}"),
            ))
            .await
            .expect("the count runs")
            .expect("a count returns a row");
        counts.push((
            table,
            row.try_get::<i64>("", "n")
                .expect("the count is an integer"),
        ));
    }
    counts
}

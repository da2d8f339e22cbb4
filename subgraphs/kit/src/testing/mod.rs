//! Test support shared by every subgraph's tests: a migrated, demo-seeded database per test
//! (SQLite in memory, or a fresh PostgreSQL schema when `DATABASE_URL` is set) with its
//! statements counted, running operations as a given caller, canonical JSON, row counts.
//! In modules: fixture folders of cases and their whole responses ([`fixtures`]), tables
//! of refused operations ([`refusals`]), region-summary checks ([`region_summary`]),
//! full-scale seeds ([`full_scale`]), concurrency ([`concurrency`]), HTTP ([`http`]) and
//! subscription ([`subscriptions`]) support, and the macros a crate's tests are declared
//! with ([`macros`]).

pub mod concurrency;
pub mod fixtures;
pub mod full_scale;
pub mod http;
pub mod macros;
pub mod refusals;
pub mod region_summary;
pub mod subscriptions;

use async_graphql::{Executor, Request, Variables};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::Value;

use crate::auth::Caller;
use crate::db::{StatementCounter, test_database};
use crate::scale::Scale;
use crate::seed::Progress;
use crate::service::SubgraphService;

pub use concurrency::{
    CLIENTS, SharedTestDatabase, WRITES, answered_ids, assert_committed, assert_one_client_won,
    assert_one_of_two_applies, client_officer, clients_writing, execute_as_client, ids_above,
    outcome, run_clients, shared_seeded_database, shared_test_database,
};
pub use fixtures::{assert_fixture_folder, fixture_dir};
pub use full_scale::{full_scale_answer, full_scale_database};
pub use http::{
    ScopedQuery, assert_fields_requiring, assert_serves_over_http, bearer_token, fields_requiring,
    post_graphql, send,
};
pub use macros::{assert_sdl_snapshot_current, assert_serves_sdl};
pub use refusals::{
    Refusal, assert_refusals, assert_refusals_change_nothing, changed_input, refusal_response,
};
pub use subscriptions::{
    assert_no_event, assert_unknown_region_refused, assert_write_refused, committed, first_answer,
    next_event, subscribe, subscribe_in_region,
};

/// A fresh database per test ([`test_database`]), migrated and seeded at demo scale by
/// `subgraph`. Panics (failing the test) when either step fails.
pub async fn seeded_test_database(subgraph: &dyn SubgraphService) -> DatabaseConnection {
    let db = test_database().await;
    if let Err(err) = subgraph.migrate(&db).await {
        panic!("migrating `{}` failed: {err}", subgraph.name());
    }
    if let Err(err) = subgraph.seed(&db, Scale::Demo, &Progress::hidden()).await {
        panic!("seeding `{}` failed: {err}", subgraph.name());
    }
    db
}

/// A subgraph's schema over its own seeded demo database, with the statements it runs
/// counted from here on (the seed's are not).
pub struct Fixture<S> {
    pub schema: S,
    pub db: DatabaseConnection,
    pub counter: StatementCounter,
}

/// See [`Fixture`]: `build` makes the schema from the (counted) connection.
pub async fn fixture<S>(
    subgraph: &dyn SubgraphService,
    build: impl FnOnce(DatabaseConnection) -> S,
) -> Fixture<S> {
    let mut db = seeded_test_database(subgraph).await;
    let counter = StatementCounter::attach(&mut db);
    Fixture {
        schema: build(db.clone()),
        db,
        counter,
    }
}

impl<S: Executor> Fixture<S> {
    /// Runs `query` with `variables` as `caller`; the whole response (data and errors).
    pub async fn run(&self, caller: Caller, query: &str, variables: Value) -> Value {
        execute(&self.schema, caller, query, variables).await
    }

    /// Runs `query` as an anonymous caller without variables; the whole response.
    pub async fn query(&self, query: &str) -> Value {
        self.run(Caller::anonymous(), query, serde_json::json!({}))
            .await
    }

    /// See [`statements_of`].
    pub async fn statements(&self, caller: Caller, query: &str, variables: Value) -> usize {
        statements_of(&self.schema, &self.counter, caller, query, variables).await
    }
}

/// How many SQL statements `query` costs as `caller` (the response must have no errors).
pub async fn statements_of<E: Executor>(
    schema: &E,
    counter: &StatementCounter,
    caller: Caller,
    query: &str,
    variables: Value,
) -> usize {
    counter.reset();
    let response = execute(schema, caller, query, variables).await;
    assert_eq!(response.get("errors"), None, "{response}");
    counter.count()
}

/// [`statements_of`] the same query once per set of `variables`, in order: a batching test
/// asserts the counts do not grow with the number of entities.
pub async fn statement_counts<E: Executor>(
    schema: &E,
    counter: &StatementCounter,
    caller: Caller,
    query: &str,
    variables: impl IntoIterator<Item = Value>,
) -> Vec<usize> {
    let mut counts = Vec::new();
    for variables in variables {
        counts.push(statements_of(schema, counter, caller.clone(), query, variables).await);
    }
    counts
}

/// Asserts that `query` costs `expected` SQL statements as `caller` with each set of
/// `variables` (the responses must have no errors): a batching test shows the count does not
/// grow with the number of entities. On a difference, names every count and the statements
/// of the last run. [`statement_tests!`](crate::statement_tests) declares such tests as a table.
pub async fn assert_statement_counts<E: Executor>(
    schema: &E,
    counter: &StatementCounter,
    caller: Caller,
    query: &str,
    variables: impl IntoIterator<Item = Value>,
    expected: usize,
) {
    let counts = statement_counts(schema, counter, caller, query, variables).await;
    assert!(
        !counts.is_empty() && counts.iter().all(|&n| n == expected),
        "expected {expected} statements for each set of variables, counted {counts:?}; the last run's:\n{:#?}",
        counter.statements()
    );
}

/// The codes of the demo tree's districts and streets (80), for "figures of many regions"
/// batching tests.
pub fn demo_districts_and_streets() -> Vec<&'static str> {
    let tree = crate::region::RegionTree::get(Scale::Demo);
    tree.districts()
        .chain(tree.streets())
        .map(|r| r.code.as_str())
        .collect()
}

/// `{"reps": [{"__typename": "Region", "code": CODE}, ...]}`: the variables of an
/// `_entities(representations: $reps)` query over these regions.
pub fn region_representations(codes: &[&str]) -> Value {
    let reps: Vec<Value> = codes
        .iter()
        .map(|code| serde_json::json!({ "__typename": "Region", "code": code }))
        .collect();
    serde_json::json!({ "reps": reps })
}

/// `{"reps": [{"__typename": TYPE, "id": ID}, ...]}`: the variables of an
/// `_entities(representations: $reps)` query over these entities, in order.
pub fn entity_representations<T: AsRef<str>, I: AsRef<str>>(
    entities: impl IntoIterator<Item = (T, I)>,
) -> Value {
    let reps: Vec<Value> = entities
        .into_iter()
        .map(|(typename, id)| serde_json::json!({ "__typename": typename.as_ref(), "id": id.as_ref() }))
        .collect();
    serde_json::json!({ "reps": reps })
}

/// A caller holding the personal-data scope of organisation `org` (`unions:personal`).
pub fn officer_of(org: &str) -> Caller {
    Caller::new("officer-1", &[format!("{org}:personal").as_str()])
}

/// `value` in a canonical form for snapshots: every object's keys sorted, and a top-level
/// `errors` list sorted by path. async-graphql emits the fields of an object (and field
/// errors) in the order their resolvers finish, which varies from run to run.
pub fn sorted(value: Value) -> Value {
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

/// The schema options of a subgraph's tests: its clock fixed at [`test_now`], the events
/// in process.
pub fn test_schema_options() -> crate::clock::SchemaOptions {
    crate::clock::SchemaOptions {
        clock: crate::clock::Clock::Fixed(test_now()),
        ..crate::clock::SchemaOptions::default()
    }
}

/// The instant a subgraph's mutations see in tests (a fixed clock): 2025-07-01 02:30 UTC.
pub fn test_now() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

/// Runs `query` with `variables` on `schema` as `caller`; the whole response as JSON.
pub async fn execute<E: Executor>(
    schema: &E,
    caller: Caller,
    query: &str,
    variables: Value,
) -> Value {
    let request = Request::new(query)
        .variables(Variables::from_json(variables))
        .data(caller);
    match serde_json::to_value(schema.execute(request).await) {
        Ok(value) => value,
        Err(err) => panic!("a response does not serialise to JSON: {err}"),
    }
}

/// The number of rows of each of `tables`, to show what a test's writes changed.
pub async fn row_counts(db: &DatabaseConnection, tables: &[&str]) -> Vec<(String, i64)> {
    let mut counts = Vec::with_capacity(tables.len());
    for table in tables {
        let sql = format!("SELECT CAST(COUNT(*) AS BIGINT) AS n FROM {table}");
        let n = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .ok()
            .flatten()
            .and_then(|row| row.try_get::<i64>("", "n").ok());
        match n {
            Some(n) => counts.push((table.to_string(), n)),
            None => panic!("counting the rows of `{table}` failed"),
        }
    }
    counts
}

/// The rows of `table` among [`row_counts`]; panics when it was not counted.
pub fn rows_of(counts: &[(String, i64)], table: &str) -> i64 {
    match counts.iter().find(|(name, _)| name == table) {
        Some((_, rows)) => *rows,
        None => panic!("the rows of `{table}` were not counted"),
    }
}

/// A distinct, valid 18-character resident ID number for test person `n` (below 100,000):
/// a Beijing 1990 birth date and `n`, with its GB 11643 check character.
pub fn resident_id_number(n: u32) -> String {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    let body = format!("110105199001{:05}", n % 100_000);
    let sum: u32 = body
        .chars()
        .filter_map(|c| c.to_digit(10))
        .zip(WEIGHTS)
        .map(|(d, w)| d * w)
        .sum();
    let check = CHECK.get((sum % 11) as usize).copied().unwrap_or('X');
    format!("{body}{check}")
}

/// The whole response of a query whose one top-level field (written first in the
/// document, at line 1 column 3) failed with `code` and `message`: no data, one error.
pub fn error_response(code: &str, message: &str, field: &str) -> Value {
    serde_json::json!({
        "data": null,
        "errors": [{
            "message": message,
            "locations": [{"line": 1, "column": 3}],
            "path": [field],
            "extensions": {"code": code}
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_tree_has_eighty_districts_and_streets() {
        assert_eq!(demo_districts_and_streets().len(), 80);
    }

    #[test]
    fn representations_name_their_type_and_key() {
        assert_eq!(
            entity_representations([("A", "a-1"), ("B", "b-2")]),
            serde_json::json!({"reps": [
                {"__typename": "A", "id": "a-1"},
                {"__typename": "B", "id": "b-2"}
            ]})
        );
        assert_eq!(
            region_representations(&["510104"]),
            serde_json::json!({"reps": [{"__typename": "Region", "code": "510104"}]})
        );
    }

    #[test]
    fn resident_id_numbers_carry_their_check_character() {
        // The check characters of these bodies, computed separately with GB 11643.
        assert_eq!(resident_id_number(0), "110105199001000007");
        assert_eq!(resident_id_number(42), "110105199001000429");
        assert_eq!(resident_id_number(4), "11010519900100004X");
    }
}

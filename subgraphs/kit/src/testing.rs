//! Test support shared by every subgraph's tests: a migrated, demo-seeded database per test
//! (SQLite in memory, or a fresh PostgreSQL schema when `DATABASE_URL` is set) with its
//! statements counted, running operations as a given caller, canonical JSON for snapshots,
//! row counts; and for concurrency tests, a database many connections share and clients
//! running writes at the same time.

use std::collections::BTreeSet;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use async_graphql::{Executor, Request, Variables};
use futures::{FutureExt, Stream, StreamExt};
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use serde_json::Value;

use crate::auth::Caller;
use crate::db::{StatementCounter, TEST_DATABASE_ENV, connect, test_database};
use crate::scale::Scale;
use crate::seed::Progress;
use crate::service::SubgraphService;

/// A test database several pooled connections share, so that writers really contend:
/// a fresh PostgreSQL schema when `DATABASE_URL` is set, otherwise a SQLite file in a new
/// temporary directory (an in-memory SQLite database has a single connection, which
/// serialises every writer in the pool and so cannot show lock contention). The
/// directory is removed when this value is dropped.
pub struct SharedTestDatabase {
    pub db: DatabaseConnection,
    dir: Option<PathBuf>,
}

impl Drop for SharedTestDatabase {
    fn drop(&mut self) {
        if let Some(dir) = &self.dir {
            // Best effort: a leftover temporary directory does not fail a test.
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// See [`SharedTestDatabase`]. Panics (failing the test) when the database is unusable.
pub async fn shared_test_database() -> SharedTestDatabase {
    if std::env::var(TEST_DATABASE_ENV).is_ok_and(|url| !url.trim().is_empty()) {
        return SharedTestDatabase {
            db: test_database().await,
            dir: None,
        };
    }
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let dir = std::env::temp_dir().join(format!(
        "quntuan-concurrency-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let url = format!("sqlite:{}", dir.join("test.sqlite").display());
    match connect(&url).await {
        Ok(db) => SharedTestDatabase { db, dir: Some(dir) },
        Err(err) => panic!("cannot open the test database `{url}`: {err}"),
    }
}

/// [`shared_test_database`], migrated and seeded at demo scale by `subgraph`.
pub async fn shared_seeded_database(subgraph: &dyn SubgraphService) -> SharedTestDatabase {
    let shared = shared_test_database().await;
    if let Err(err) = subgraph.migrate(&shared.db).await {
        panic!("migrating `{}` failed: {err}", subgraph.name());
    }
    if let Err(err) = subgraph
        .seed(&shared.db, Scale::Demo, &Progress::hidden())
        .await
    {
        panic!("seeding `{}` failed: {err}", subgraph.name());
    }
    shared
}

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

/// Panics with the drift when the checked-in `schema/NAME.graphql` (under the repository
/// root above `manifest_dir`) is not the SDL `service`'s code generates.
pub fn assert_sdl_snapshot_current(service: &dyn SubgraphService, manifest_dir: &str) {
    let name = service.name();
    let path = crate::sdl::snapshot_path(manifest_dir, name);
    if let Err(drift) = crate::sdl::check_snapshot(name, &service.sdl(), &path) {
        panic!("{drift}");
    }
}

/// Asserts that `schema` answers `_service { sdl }` with the SDL `service` generates.
pub async fn assert_serves_sdl<E: Executor>(schema: &E, service: &dyn SubgraphService) {
    let response = execute(
        schema,
        Caller::anonymous(),
        "{ _service { sdl } }",
        serde_json::json!({}),
    )
    .await;
    assert_eq!(
        response["data"]["_service"]["sdl"],
        serde_json::json!(service.sdl())
    );
}

/// A subgraph's SDL tests: `checked_in_sdl_matches_the_code` ([`assert_sdl_snapshot_current`])
/// and, given a schema expression, `service_sdl_is_the_generated_sdl`
/// ([`assert_serves_sdl`]; the expression is evaluated in an async test, so it may await).
///
/// ```ignore
/// quntuan_kit::sdl_tests!(Youth, served by common::seeded().await.schema);
/// ```
#[macro_export]
macro_rules! sdl_tests {
    ($service:expr $(, served by $schema:expr)? $(,)?) => {
        #[test]
        fn checked_in_sdl_matches_the_code() {
            $crate::testing::assert_sdl_snapshot_current(&$service, env!("CARGO_MANIFEST_DIR"));
        }

        $(
            #[tokio::test]
            async fn service_sdl_is_the_generated_sdl() {
                $crate::testing::assert_serves_sdl(&$schema, &$service).await;
            }
        )?
    };
}

/// The personal-data tests of a crate whose `tests/common` is [`test_helpers!`]:
/// `personal_fields_are_refused_without_the_scope` answers `query` to each `refused` caller
/// and snapshots it as `personal_refused` (nulls and `FORBIDDEN` errors, the same for
/// every one of them); `personal_fields_are_served_with_the_scope` answers it to `served`
/// as `personal_served`. The crate depends on `insta`, `serde_json` and `tokio`.
#[macro_export]
macro_rules! personal_data_tests {
    (query: $query:expr, refused: [$($refused:expr),+ $(,)?], served: $served:expr $(,)?) => {
        #[tokio::test]
        async fn personal_fields_are_refused_without_the_scope() {
            let (schema, _db) = common::seeded_schema().await;
            for caller in [$($refused),+] {
                let response = common::run(&schema, caller, $query, serde_json::json!({})).await;
                insta::assert_json_snapshot!("personal_refused", common::sorted(response));
            }
        }

        #[tokio::test]
        async fn personal_fields_are_served_with_the_scope() {
            let (schema, _db) = common::seeded_schema().await;
            let response = common::run(&schema, $served, $query, serde_json::json!({})).await;
            insta::assert_json_snapshot!("personal_served", common::sorted(response));
        }
    };
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

/// The instant a subgraph's mutations see in tests (a fixed clock): 2025-07-01 02:30 UTC.
pub fn test_now() -> chrono::DateTime<chrono::Utc> {
    use chrono::TimeZone;
    chrono::Utc
        .with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

/// The helpers a subgraph's integration tests share, declared in its `tests/common/mod.rs`
/// over its own schema (a macro: each test binary is its own crate, and the helpers must
/// name that crate's schema type):
///
/// ```ignore
/// quntuan_kit::test_helpers!(Unions, UnionsSchema, build, "unions", ["grassroots_union", ...]);
/// ```
///
/// declares `seeded_database()`, `seeded_schema() -> (schema, db)`, `counted_schema() ->
/// (schema, counter)`, `officer()` (the organisation's personal scope), `clerk()` (no scope),
/// `run(&schema, caller, query, variables)`, `row_counts(&db)` over the tables, and
/// re-exports `sorted`.
#[macro_export]
macro_rules! test_helpers {
    ($service:expr, $schema:ty, $build:expr, $org:literal, [$($table:literal),* $(,)?]) => {
        #[allow(unused_imports, reason = "each test binary uses a different subset")]
        pub(crate) use $crate::testing::sorted;

        /// A fresh, migrated, demo-seeded database of this subgraph.
        pub(crate) async fn seeded_database() -> sea_orm::DatabaseConnection {
            $crate::testing::seeded_test_database(&$service).await
        }

        /// The schema over a seeded demo database, and the database.
        pub(crate) async fn seeded_schema() -> ($schema, sea_orm::DatabaseConnection) {
            let seeded = $crate::testing::fixture(&$service, $build).await;
            (seeded.schema, seeded.db)
        }

        /// The schema over a seeded demo database whose statements are counted.
        pub(crate) async fn counted_schema() -> ($schema, $crate::StatementCounter) {
            let seeded = $crate::testing::fixture(&$service, $build).await;
            (seeded.schema, seeded.counter)
        }

        /// A caller with the organisation's personal-data scope.
        pub(crate) fn officer() -> $crate::Caller {
            $crate::testing::officer_of($org)
        }

        /// A signed-in caller without any scope.
        pub(crate) fn clerk() -> $crate::Caller {
            $crate::Caller::new("clerk-7", &[])
        }

        /// Runs `query` with `variables` as `caller`; the whole response as JSON.
        pub(crate) async fn run(
            schema: &$schema,
            caller: $crate::Caller,
            query: &str,
            variables: serde_json::Value,
        ) -> serde_json::Value {
            $crate::testing::execute(schema, caller, query, variables).await
        }

        /// The rows of every table of the subgraph, to show a refused write wrote nothing.
        pub(crate) async fn row_counts(db: &sea_orm::DatabaseConnection) -> Vec<(String, i64)> {
            $crate::testing::row_counts(db, &[$($table),*]).await
        }
    };
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

/// The `id` of every successful `field` answer among `results` (`data.{field}.id`).
pub fn answered_ids(results: &[Vec<Value>], field: &str) -> BTreeSet<String> {
    let pointer = format!("/data/{field}/id");
    results
        .iter()
        .flatten()
        .filter_map(|r| r.pointer(&pointer))
        .filter_map(Value::as_str)
        .map(String::from)
        .collect()
}

/// Runs `clients` concurrent clients, each doing its `writes` writes one after another
/// (`write(client, n)`), and answers every result by client, in order. The clients are
/// tokio tasks: run the test on the multi-threaded runtime to have them in parallel.
pub async fn run_clients<T, F, Fut>(clients: usize, writes: usize, write: F) -> Vec<Vec<T>>
where
    T: Send + 'static,
    F: Fn(usize, usize) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = T> + Send + 'static,
{
    let mut tasks = Vec::with_capacity(clients);
    for client in 0..clients {
        let write = write.clone();
        tasks.push(tokio::spawn(async move {
            let mut results = Vec::with_capacity(writes);
            for n in 0..writes {
                results.push(write(client, n).await);
            }
            results
        }));
    }
    let mut all = Vec::with_capacity(clients);
    for (client, task) in tasks.into_iter().enumerate() {
        match task.await {
            Ok(results) => all.push(results),
            Err(err) => panic!("client {client} panicked: {err}"),
        }
    }
    all
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

/// The outcome of a GraphQL response as a test counts it: `"OK"` without errors,
/// otherwise each error's `extensions.code` with its message (`"CONFLICT: ..."`).
pub fn outcome(response: &Value) -> String {
    match response.get("errors").and_then(Value::as_array) {
        None => "OK".to_string(),
        Some(errors) => errors
            .iter()
            .map(|e| {
                let code = e
                    .pointer("/extensions/code")
                    .and_then(Value::as_str)
                    .unwrap_or("NO_CODE");
                let message = e.get("message").and_then(Value::as_str).unwrap_or("");
                format!("{code}: {message}")
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

/// Sends `request` to a subgraph's router (as [`crate::router`] or
/// [`SubgraphService::router`] builds it) and returns the status and the body as text.
pub async fn send(
    router: axum::Router,
    request: axum::http::Request<axum::body::Body>,
) -> (axum::http::StatusCode, String) {
    use tower::ServiceExt;
    let response = router.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let body = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("the body is read");
    (
        status,
        String::from_utf8(body.to_vec()).expect("the body is UTF-8"),
    )
}

/// A `POST /graphql` request with `query` as JSON, with `Authorization: Bearer TOKEN` when a
/// token is given.
pub fn post_graphql(query: &str, token: Option<&str>) -> axum::http::Request<axum::body::Body> {
    use axum::http::header;
    let mut builder =
        axum::http::Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    builder
        .body(axum::body::Body::from(
            serde_json::json!({ "query": query }).to_string(),
        ))
        .expect("the request is well formed")
}

/// A signed bearer token of an officer with `scopes`, valid for five minutes, signed with
/// the secret the subgraphs verify (`JWT_SECRET`, or the development default).
pub fn bearer_token(scopes: &[&str]) -> String {
    use crate::auth::{DEFAULT_JWT_SECRET, JWT_SECRET_ENV, issue_token};
    let secret = std::env::var(JWT_SECRET_ENV).unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string());
    issue_token(&secret, "officer-9", scopes, 300).expect("a token is issued")
}

/// A query reading a protected field, for [`assert_serves_over_http`]: the scope that
/// reveals the field, the whole response with it, and the `data` served without it.
pub struct ScopedQuery<'a> {
    pub query: &'a str,
    pub scope: &'a str,
    pub granted: Value,
    pub refused_data: Value,
}

/// The subgraph as the CLI serves it (`service.router(db)`): `/health` answers `ok`,
/// `_service { sdl }` is [`SubgraphService::sdl`], a token with the scope reveals the
/// field, a token without it gets the field nulled and a `FORBIDDEN` error, and a token
/// that is not one is refused with 401.
pub async fn assert_serves_over_http(
    service: &dyn SubgraphService,
    db: DatabaseConnection,
    case: ScopedQuery<'_>,
) {
    use axum::http::StatusCode;
    let router = service.router(db);
    let health = axum::http::Request::get("/health")
        .body(axum::body::Body::empty())
        .expect("request");
    let (status, body) = send(router.clone(), health).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    let (status, body) = send(router.clone(), post_graphql("{ _service { sdl } }", None)).await;
    assert_eq!(status, StatusCode::OK);
    let sdl: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(sdl["data"]["_service"]["sdl"], Value::from(service.sdl()));

    let granted = bearer_token(&[case.scope]);
    let (_, body) = send(router.clone(), post_graphql(case.query, Some(&granted))).await;
    let served: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(served, case.granted);

    let (_, body) = send(
        router.clone(),
        post_graphql(case.query, Some(&bearer_token(&[]))),
    )
    .await;
    let refused: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(refused["data"], case.refused_data);
    assert_eq!(refused["errors"][0]["extensions"]["code"], "FORBIDDEN");

    let (status, _) = send(router, post_graphql(case.query, Some("not-a-token"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

/// The fields `sdl` marks `@requiresScopes(scopes: [["SCOPE"]])`, in SDL order: what the
/// gateway will refuse to a caller without `scope`.
pub fn fields_requiring<'a>(sdl: &'a str, scope: &str) -> Vec<&'a str> {
    let mark = format!("@requiresScopes(scopes: [[\"{scope}\"]])");
    sdl.lines()
        .filter(|line| line.contains(&mark))
        .map(|line| line.trim().split(':').next().unwrap_or_default())
        .collect()
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
    use sea_orm::DbBackend;

    use super::*;
    use crate::error::{ApiError, ApiResult};
    use crate::write::{lock_for_inserts, write_transaction};

    async fn count(db: &DatabaseConnection, sql: &str) -> i64 {
        let row = db
            .query_one_raw(Statement::from_string(db.get_database_backend(), sql))
            .await
            .expect("the count runs")
            .expect("a count answers a row");
        row.try_get_by_index::<i64>(0).expect("an integer")
    }

    /// The shape of every mutation: read the table (next id `max + 1`), insert, add to a
    /// shared counter row. 8 clients x 10 writes all commit exactly once, with distinct
    /// ids, and the counter equals the rows.
    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_read_then_write_transactions_all_commit() {
        let shared = shared_test_database().await;
        let db = shared.db.clone();
        db.execute_unprepared(
            "CREATE TABLE item (id BIGINT PRIMARY KEY, client BIGINT NOT NULL); \
             CREATE TABLE tally (code TEXT PRIMARY KEY, n BIGINT NOT NULL)",
        )
        .await
        .expect("the tables are created");
        let backend = db.get_database_backend();
        let results = run_clients(8, 10, move |client, _| {
            let db = db.clone();
            async move {
                let client = client as i64;
                write_transaction(&db, "adding a test item", move |txn| {
                    Box::pin(async move {
                        lock_for_inserts(txn, "item").await?;
                        let next = txn
                            .query_one_raw(Statement::from_string(
                                backend,
                                "SELECT COALESCE(MAX(id), 0) + 1 FROM item",
                            ))
                            .await?
                            .map(|row| row.try_get_by_index::<i64>(0))
                            .transpose()?
                            .unwrap_or(1);
                        let mark = if backend == DbBackend::Postgres {
                            "$"
                        } else {
                            "?"
                        };
                        txn.execute_raw(Statement::from_sql_and_values(
                            backend,
                            format!("INSERT INTO item (id, client) VALUES ({mark}1, {mark}2)"),
                            [next.into(), client.into()],
                        ))
                        .await?;
                        txn.execute_unprepared(
                            "INSERT INTO tally (code, n) VALUES ('all', 1) \
                             ON CONFLICT (code) DO UPDATE SET n = tally.n + excluded.n",
                        )
                        .await?;
                        ApiResult::Ok(next)
                    })
                })
                .await
            }
        })
        .await;
        let ids: BTreeSet<i64> = results
            .into_iter()
            .flatten()
            .collect::<Result<_, ApiError>>()
            .expect("every write commits");
        assert_eq!(ids, (1..=80).collect::<BTreeSet<i64>>());
        assert_eq!(count(&shared.db, "SELECT COUNT(*) FROM item").await, 80);
        assert_eq!(count(&shared.db, "SELECT n FROM tally").await, 80);
    }

    #[test]
    fn resident_id_numbers_carry_their_check_character() {
        // The check characters of these bodies, computed separately with GB 11643.
        assert_eq!(resident_id_number(0), "110105199001000007");
        assert_eq!(resident_id_number(42), "110105199001000429");
        assert_eq!(resident_id_number(4), "11010519900100004X");
    }

    #[test]
    fn outcomes_name_codes_and_messages() {
        assert_eq!(outcome(&serde_json::json!({"data": {"x": 1}})), "OK");
        assert_eq!(
            outcome(&serde_json::json!({"data": null, "errors": [
                {"message": "taken", "extensions": {"code": "CONFLICT"}}
            ]})),
            "CONFLICT: taken"
        );
    }
}

/// Opens `query` as a subscription on `schema` for `caller` and polls it once, so the
/// subscription is on the bus before the test's mutations run (and nothing came before them).
pub fn subscribe<E: Executor>(
    schema: &E,
    query: &str,
    variables: Value,
    caller: Caller,
) -> impl Stream<Item = async_graphql::Response> + Unpin {
    let request = Request::new(query)
        .variables(Variables::from_json(variables))
        .data(caller);
    let mut events = Box::pin(schema.execute_stream(request, None));
    assert!(
        events.next().now_or_never().is_none(),
        "no event before any write"
    );
    events
}

/// The subscription's next event as JSON; fails the test after 5 s without one.
pub async fn next_event(
    events: &mut (impl Stream<Item = async_graphql::Response> + Unpin),
) -> Value {
    let event = tokio::time::timeout(std::time::Duration::from_secs(5), events.next())
        .await
        .expect("an event within 5 s")
        .expect("the subscription is open");
    serde_json::to_value(event).expect("a response serialises")
}

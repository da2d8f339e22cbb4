//! Concurrency tests: a database many pooled connections share, clients running writes at
//! the same time, and how their answers are counted.

use std::collections::BTreeSet;
use std::future::Future;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};

use async_graphql::Executor;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde_json::Value;

use super::execute;
use crate::auth::Caller;

use crate::db::{TEST_DATABASE_ENV, connect, test_database};
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

/// The clients of an organisation's concurrency test ([`clients_writing`]).
pub const CLIENTS: usize = 8;
/// The writes each of [`CLIENTS`] runs, one after another.
pub const WRITES: usize = 10;

/// [`run_clients`] with [`CLIENTS`] clients of [`WRITES`] writes each, write `n` of client
/// `client` being `write(schema, client, n)` on its own clone of `schema`.
pub async fn clients_writing<S, F, Fut>(schema: &S, write: F) -> Vec<Vec<Value>>
where
    S: Clone + Send + Sync + 'static,
    F: Fn(S, usize, usize) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Value> + Send + 'static,
{
    let schema = schema.clone();
    run_clients(CLIENTS, WRITES, move |client, n| {
        write(schema.clone(), client, n)
    })
    .await
}

/// The integer ids of `table` above `after`, in order: the rows a test's writes added
/// after a seed of `after` rows (ids of refused inserts may be skipped on PostgreSQL).
pub async fn ids_above(db: &DatabaseConnection, table: &str, after: i64) -> Vec<i64> {
    let sql = format!("SELECT id FROM {table} WHERE id > {after} ORDER BY id");
    let rows = db
        .query_all_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            sql,
        ))
        .await;
    match rows {
        Ok(rows) => rows
            .iter()
            .map(|row| match row.try_get::<i64>("", "id") {
                Ok(id) => id,
                Err(err) => panic!("an id of `{table}` is not an integer: {err}"),
            })
            .collect(),
        Err(err) => panic!("reading the ids of `{table}` failed: {err}"),
    }
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

/// The caller of client `client` of [`run_clients`]: a signed-in officer without scopes.
pub fn client_officer(client: usize) -> Caller {
    Caller::new(format!("officer-{client}"), &[])
}

/// Runs `query` with `variables` as client `client`'s officer ([`client_officer`]): one
/// write of [`clients_writing`]. The whole response as JSON.
pub async fn execute_as_client<E: Executor>(
    schema: &E,
    client: usize,
    query: &str,
    variables: Value,
) -> Value {
    execute(schema, client_officer(client), query, variables).await
}

/// Asserts that the `writes` of every client of [`run_clients`] all committed (`"OK"`).
pub fn assert_committed(results: &[Vec<Value>], writes: std::ops::Range<usize>) {
    for (client, outcomes) in results.iter().enumerate() {
        let answered: Vec<String> = outcomes[writes.clone()].iter().map(outcome).collect();
        assert_eq!(answered, vec!["OK"; writes.len()], "client {client}");
    }
}

/// Asserts that write `n` of every client of [`run_clients`] was won by one (`"OK"`) and
/// refused to each other one with `refused` (an [`outcome`]): the write every client wanted
/// at once.
pub fn assert_one_client_won(results: &[Vec<Value>], n: usize, refused: &str) {
    let mut outcomes: Vec<String> = results.iter().map(|r| outcome(&r[n])).collect();
    outcomes.sort();
    let mut expected = vec![refused.to_string(); results.len().saturating_sub(1)];
    expected.push("OK".to_string());
    expected.sort();
    assert_eq!(outcomes, expected, "write {n}");
}

/// Sends `operation` twice at the same time, as two callers with their variables: exactly
/// one must apply (answer without errors) and the other be refused with `CONFLICT`, the
/// way two officers recording the same thing at once are told.
pub async fn assert_one_of_two_applies<E: Executor>(
    schema: &E,
    operation: &str,
    [
        (first_caller, first_variables),
        (second_caller, second_variables),
    ]: [(Caller, Value); 2],
) {
    let (first, second) = tokio::join!(
        execute(schema, first_caller, operation, first_variables),
        execute(schema, second_caller, operation, second_variables)
    );
    let mut outcomes = [outcome(&first), outcome(&second)];
    outcomes.sort();
    let applied = outcomes.iter().filter(|o| *o == "OK").count();
    let conflicts = outcomes
        .iter()
        .filter(|o| o.starts_with("CONFLICT: "))
        .count();
    assert_eq!((applied, conflicts), (1, 1), "{first} {second}");
}

#[cfg(test)]
mod tests {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};

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

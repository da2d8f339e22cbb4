//! Connecting to the subgraph database (SQLite embedded by default, PostgreSQL by URL),
//! isolated databases for tests, and a statement counter. Every statement is reported to the
//! request's trace ([`crate::trace`]).

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DbBackend, Statement,
};

use crate::error::KitError;

/// Environment variable naming the PostgreSQL server tests run against.
pub const TEST_DATABASE_ENV: &str = "DATABASE_URL";

/// How long a SQLite statement waits for another connection's write lock before it fails
/// with `SQLITE_BUSY` (then `write::write_transaction` retries the whole transaction).
pub const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Environment variable: how many milliseconds a statement waits for a free pooled
/// connection before it fails (default [`DEFAULT_ACQUIRE_TIMEOUT`]).
pub const ACQUIRE_TIMEOUT_ENV: &str = "QUNTUAN_DB_ACQUIRE_TIMEOUT_MS";

/// Environment variable: at most this many pooled connections per database (default 4 for a
/// SQLite file, 8 for PostgreSQL; an in-memory SQLite database always has one). The pool
/// size is a deployment's choice: BENCHMARKS.md has the measured effect on our graph.
pub const MAX_CONNECTIONS_ENV: &str = "QUNTUAN_DB_MAX_CONNECTIONS";

/// The default wait for a pooled connection. sqlx waits 30 s, long past any client's patience:
/// when every connection is busy, a request should fail soon and say so, not hang.
pub const DEFAULT_ACQUIRE_TIMEOUT: Duration = Duration::from_secs(5);

/// How the connection pool behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PoolSettings {
    /// How long a statement waits for a free connection before it fails with
    /// [`DbErr::ConnectionAcquire`] (answered as an `INTERNAL` error that says so).
    pub acquire_timeout: Duration,
    /// At most this many connections (`None`: 4 for a SQLite file, 8 for PostgreSQL; an
    /// in-memory SQLite database always has one).
    pub max_connections: Option<u32>,
}

impl Default for PoolSettings {
    fn default() -> Self {
        PoolSettings {
            acquire_timeout: DEFAULT_ACQUIRE_TIMEOUT,
            max_connections: None,
        }
    }
}

impl PoolSettings {
    /// The defaults, with [`ACQUIRE_TIMEOUT_ENV`] and [`MAX_CONNECTIONS_ENV`] when set.
    pub fn from_env() -> Result<Self, KitError> {
        let mut settings = PoolSettings::default();
        if let Ok(text) = std::env::var(ACQUIRE_TIMEOUT_ENV) {
            settings.acquire_timeout = parse_acquire_timeout(&text)?;
        }
        if let Ok(text) = std::env::var(MAX_CONNECTIONS_ENV) {
            settings.max_connections = Some(parse_max_connections(&text)?);
        }
        Ok(settings)
    }
}

fn parse_max_connections(text: &str) -> Result<u32, KitError> {
    match text.trim().parse::<u32>() {
        Ok(count @ 1..=1000) => Ok(count),
        _ => Err(KitError::Config(format!(
            "{MAX_CONNECTIONS_ENV} must be a whole number of connections from 1 to 1000, not `{text}`"
        ))),
    }
}

fn parse_acquire_timeout(text: &str) -> Result<Duration, KitError> {
    match text.trim().parse::<u64>() {
        Ok(ms) if ms > 0 => Ok(Duration::from_millis(ms)),
        _ => Err(KitError::Config(format!(
            "{ACQUIRE_TIMEOUT_ENV} must be a whole number of milliseconds above 0, not `{text}`"
        ))),
    }
}

/// Connects to `url`: `sqlite:PATH` / `sqlite://PATH` (file created if missing),
/// `sqlite::memory:` (one private in-memory database), or `postgres://...`; the pool as
/// [`PoolSettings::from_env`] says.
pub async fn connect(url: &str) -> Result<DatabaseConnection, KitError> {
    connect_with_settings(url, &PoolSettings::from_env()?).await
}

/// [`connect`] with explicit pool settings.
pub async fn connect_with_settings(
    url: &str,
    settings: &PoolSettings,
) -> Result<DatabaseConnection, KitError> {
    connect_with(url, None, settings).await
}

async fn connect_with(
    url: &str,
    search_path: Option<&str>,
    settings: &PoolSettings,
) -> Result<DatabaseConnection, KitError> {
    let mut options = if url.starts_with("sqlite::memory:") {
        // Every pooled connection to `:memory:` would be a different database: keep one,
        // forever.
        let mut o = ConnectOptions::new(url);
        o.max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None);
        o
    } else if let Some(path) = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))
    {
        let (file, _) = path.split_once('?').unwrap_or((path, ""));
        if let Some(parent) = std::path::Path::new(file).parent()
            && !parent.as_os_str().is_empty()
        {
            // Best effort: a failure surfaces as a connect error naming the URL.
            let _ = std::fs::create_dir_all(parent);
        }
        let full = if path.contains("mode=") {
            format!("sqlite://{path}")
        } else if path.contains('?') {
            format!("sqlite://{path}&mode=rwc")
        } else {
            format!("sqlite://{path}?mode=rwc")
        };
        let mut o = ConnectOptions::new(full);
        o.max_connections(settings.max_connections.unwrap_or(4));
        o
    } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
        let mut o = ConnectOptions::new(url);
        o.max_connections(settings.max_connections.unwrap_or(8))
            .connect_timeout(Duration::from_secs(5));
        if let Some(path) = search_path {
            o.set_schema_search_path(path);
        }
        o
    } else {
        return Err(KitError::UnsupportedUrl(redact(url)));
    };
    options.sqlx_logging(false);
    options.acquire_timeout(settings.acquire_timeout);
    // Every pooled connection waits for the write lock instead of failing at once. (sqlx
    // defaults to 5 s as well; set here so the value is ours and documented.)
    options.map_sqlx_sqlite_opts(|sqlite| sqlite.busy_timeout(SQLITE_BUSY_TIMEOUT));
    let mut db = Database::connect(options)
        .await
        .map_err(|source| KitError::Connect {
            url: redact(url),
            source,
        })?;
    // Each statement becomes a span of the request's trace when one is recorded.
    db.set_metric_callback(crate::trace::record_statement);
    if db.get_database_backend() == DbBackend::Sqlite && !url.starts_with("sqlite::memory:") {
        // WAL lets readers run while a seed writes; the setting persists in the file.
        db.execute_unprepared("PRAGMA journal_mode=WAL")
            .await
            .map_err(KitError::database("enabling SQLite WAL mode"))?;
    }
    Ok(db)
}

/// Hides a password in a URL before it is printed.
pub fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            let userinfo = &url[scheme_end + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme_end + 3], &url[at..]),
                None => url.to_string(),
            }
        }
        _ => url.to_string(),
    }
}

/// An isolated database for one test: SQLite in memory by default; when `DATABASE_URL`
/// is set, a fresh PostgreSQL schema (unique name, left in place) used via `search_path`.
///
/// Panics (failing the test, never skipping it) when `DATABASE_URL` is set and the server
/// cannot be reached.
pub async fn test_database() -> DatabaseConnection {
    match std::env::var(TEST_DATABASE_ENV) {
        Ok(url) if !url.trim().is_empty() => match postgres_test_schema(&url).await {
            Ok(db) => db,
            Err(err) => {
                panic!("{TEST_DATABASE_ENV} is set but the test database is unusable: {err}")
            }
        },
        _ => match connect("sqlite::memory:").await {
            Ok(db) => db,
            Err(err) => panic!("cannot open an in-memory SQLite database: {err}"),
        },
    }
}

async fn postgres_test_schema(url: &str) -> Result<DatabaseConnection, KitError> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let schema = format!(
        "qt_{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let admin = connect(url).await?;
    admin
        .execute_unprepared(&format!("CREATE SCHEMA \"{schema}\""))
        .await
        .map_err(KitError::database(format!(
            "creating test schema `{schema}`"
        )))?;
    // Closing returns the admin connection at once instead of holding it for the test.
    let _ = admin.close().await;
    connect_with(url, Some(&schema), &PoolSettings::from_env()?).await
}

/// Counts SQL statements run through one connection (for tests of batching). Every
/// statement sea-orm runs through `execute_raw`/`query_*` and the query builders is
/// counted; `execute_unprepared` is not (sea-orm does not report it).
/// Attach it before the connection is cloned into a schema: clones made earlier do not
/// report to it.
#[derive(Clone, Default)]
pub struct StatementCounter {
    count: Arc<AtomicUsize>,
    statements: Arc<Mutex<Vec<String>>>,
}

impl StatementCounter {
    pub fn attach(db: &mut DatabaseConnection) -> StatementCounter {
        let counter = StatementCounter::default();
        let c = counter.clone();
        db.set_metric_callback(move |info| {
            // The connection has one hook: keep its statements in the request's trace too.
            crate::trace::record_statement(info);
            c.count.fetch_add(1, Ordering::SeqCst);
            if let Ok(mut list) = c.statements.lock() {
                list.push(info.statement.sql.clone());
            }
        });
        counter
    }

    pub fn count(&self) -> usize {
        self.count.load(Ordering::SeqCst)
    }

    /// The SQL text of every counted statement, in order.
    pub fn statements(&self) -> Vec<String> {
        self.statements
            .lock()
            .map(|l| l.clone())
            .unwrap_or_default()
    }

    pub fn reset(&self) {
        self.count.store(0, Ordering::SeqCst);
        if let Ok(mut list) = self.statements.lock() {
            list.clear();
        }
    }
}

/// Runs a raw statement with values on any connection (used by the seed helpers).
pub(crate) fn statement(backend: DbBackend, sql: String, values: Vec<sea_orm::Value>) -> Statement {
    Statement::from_sql_and_values(backend, sql, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn memory_database_keeps_its_tables_and_counts_statements()
    -> Result<(), Box<dyn std::error::Error>> {
        let mut db = test_database().await;
        db.execute_unprepared("CREATE TABLE t (id INTEGER PRIMARY KEY)")
            .await?;
        // Attached after the table exists; `execute_unprepared` is never counted (sea-orm
        // reports only statements that go through its metric hook).
        let counter = StatementCounter::attach(&mut db);
        let backend = db.get_database_backend();
        db.execute_raw(Statement::from_string(
            backend,
            "INSERT INTO t (id) VALUES (1)",
        ))
        .await?;
        let row = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT COUNT(*) AS n FROM t",
            ))
            .await?;
        let n: i64 = row.map(|r| r.try_get("", "n")).transpose()?.unwrap_or(0);
        assert_eq!(n, 1);
        assert_eq!(counter.count(), 2);
        assert_eq!(
            counter.statements(),
            vec![
                "INSERT INTO t (id) VALUES (1)",
                "SELECT COUNT(*) AS n FROM t"
            ]
        );
        counter.reset();
        assert_eq!(counter.count(), 0);
        Ok(())
    }

    #[tokio::test]
    async fn sqlite_file_is_created() -> Result<(), Box<dyn std::error::Error>> {
        let dir = std::env::temp_dir().join(format!("quntuan-kit-test-{}", std::process::id()));
        let path = dir.join("nested").join("db.sqlite");
        let db = connect(&format!("sqlite:{}", path.display())).await?;
        db.execute_unprepared("CREATE TABLE t (id INTEGER)").await?;
        assert!(path.exists());
        let _ = std::fs::remove_dir_all(dir);
        Ok(())
    }

    /// Every connection busy (a transaction holds the only one): the next statement fails
    /// after the acquire timeout with an answer that says so, instead of waiting 30 s.
    #[tokio::test]
    async fn a_busy_pool_fails_with_a_clear_error() -> Result<(), Box<dyn std::error::Error>> {
        use sea_orm::TransactionTrait;
        let dir = std::env::temp_dir().join(format!("quntuan-kit-pool-{}", std::process::id()));
        let url = match std::env::var(TEST_DATABASE_ENV) {
            Ok(url) if !url.trim().is_empty() => url,
            _ => format!("sqlite:{}", dir.join("db.sqlite").display()),
        };
        let settings = PoolSettings {
            acquire_timeout: Duration::from_millis(200),
            max_connections: Some(1),
        };
        let db = connect_with_settings(&url, &settings).await?;
        let held = db.begin().await?;
        let err = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT 1",
            ))
            .await
            .err();
        drop(held);
        let _ = std::fs::remove_dir_all(dir);
        let api = crate::ApiError::from(err.ok_or("the statement waited and ran")?);
        assert_eq!(
            format!("{api:?}"),
            "INTERNAL: internal error while querying the database: no database connection \
             became free in time (all are busy; QUNTUAN_DB_ACQUIRE_TIMEOUT_MS sets the wait); \
             try again"
        );
        Ok(())
    }

    #[test]
    fn acquire_timeouts_parse_from_milliseconds() {
        assert_eq!(
            parse_acquire_timeout("250").ok(),
            Some(Duration::from_millis(250))
        );
        assert_eq!(
            parse_acquire_timeout("0").err().map(|e| e.to_string()),
            Some(
                "QUNTUAN_DB_ACQUIRE_TIMEOUT_MS must be a whole number of milliseconds above 0, \
                 not `0`"
                    .to_string()
            )
        );
    }

    #[test]
    fn pool_sizes_parse_from_a_count() {
        assert_eq!(parse_max_connections(" 2 ").ok(), Some(2));
        for bad in ["0", "-1", "two", "1001", ""] {
            assert_eq!(
                parse_max_connections(bad).err().map(|e| e.to_string()),
                Some(format!(
                    "QUNTUAN_DB_MAX_CONNECTIONS must be a whole number of \
                     connections from 1 to 1000, not `{bad}`"
                )),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn redacts_passwords_and_rejects_unknown_urls() {
        assert_eq!(
            redact("postgres://u:pw@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(
            redact("postgres://postgres@127.0.0.1/test"),
            "postgres://postgres@127.0.0.1/test"
        );
    }

    #[tokio::test]
    async fn unknown_scheme_is_an_error() {
        let err = connect("mysql://x").await.err().map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some(
                "unsupported database url `mysql://x`: expected `sqlite:PATH`, `sqlite::memory:` or `postgres://...`"
            )
        );
    }
}

//! Automatic persisted queries (APQ): a client sends a document's SHA-256 instead of the
//! document once the gateway knows it. The store is in memory by default and Redis when
//! configured, so that every gateway replica knows what any one of them was taught.

use crate::error::{ErrorCode, GraphqlError};
use crate::telemetry::metrics::{CacheKind, record_cache};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// Where persisted documents live.
pub enum PersistedQueryStore {
    Memory(moka::future::Cache<String, String>),
    Redis(redis::aio::ConnectionManager),
}

/// Documents kept in memory, and for how long Redis keeps one unused.
const MEMORY_ENTRIES: u64 = 10_000;
const REDIS_TTL: Duration = Duration::from_secs(24 * 3600);
const REDIS_PREFIX: &str = "quntuan:apq:";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot connect to Redis at {url}: {reason}")]
    Connect { url: String, reason: String },
}

impl PersistedQueryStore {
    pub fn memory() -> Self {
        Self::Memory(moka::future::Cache::new(MEMORY_ENTRIES))
    }

    /// Connects to Redis (`redis://host:port`), failing now rather than on the first request.
    pub async fn redis(url: &str) -> Result<Self, StoreError> {
        let connect = |reason: String| StoreError::Connect {
            url: url.to_string(),
            reason,
        };
        let client = redis::Client::open(url).map_err(|e| connect(e.to_string()))?;
        let manager = tokio::time::timeout(
            Duration::from_secs(5),
            redis::aio::ConnectionManager::new(client),
        )
        .await
        .map_err(|_| connect("no answer within 5 s".into()))?
        .map_err(|e| connect(e.to_string()))?;
        Ok(Self::Redis(manager))
    }

    async fn get(&self, hash: &str) -> Option<String> {
        match self {
            Self::Memory(cache) => cache.get(hash).await,
            Self::Redis(manager) => {
                let mut connection = manager.clone();
                redis::cmd("GET")
                    .arg(format!("{REDIS_PREFIX}{hash}"))
                    .query_async::<Option<String>>(&mut connection)
                    .await
                    .ok()
                    .flatten()
            }
        }
    }

    async fn put(&self, hash: &str, document: &str) {
        match self {
            Self::Memory(cache) => cache.insert(hash.to_string(), document.to_string()).await,
            Self::Redis(manager) => {
                let mut connection = manager.clone();
                // A store that cannot write only costs the client a resend; never fail the request.
                let _ = redis::cmd("SET")
                    .arg(format!("{REDIS_PREFIX}{hash}"))
                    .arg(document)
                    .arg("EX")
                    .arg(REDIS_TTL.as_secs())
                    .query_async::<()>(&mut connection)
                    .await;
            }
        }
    }

    /// Resolves the request's document: the one sent (checked against its hash and stored), or
    /// the stored one for the hash. `Ok(None)` when the request uses no persisted query.
    pub async fn resolve(
        &self,
        query: Option<&str>,
        extensions: Option<&Map<String, Value>>,
    ) -> Result<Option<String>, GraphqlError> {
        let Some(persisted) = extensions.and_then(|e| e.get("persistedQuery")) else {
            return Ok(None);
        };
        let Some(hash) = persisted.get("sha256Hash").and_then(Value::as_str) else {
            return Err(GraphqlError::new(
                "extensions.persistedQuery needs a `sha256Hash` string",
                ErrorCode::BadRequest,
            ));
        };
        if persisted.get("version").and_then(Value::as_i64) != Some(1) {
            return Err(GraphqlError::new(
                "only persisted query version 1 is supported",
                ErrorCode::BadRequest,
            ));
        }
        match query {
            Some(query) => {
                let actual = sha256_hex(query);
                if !actual.eq_ignore_ascii_case(hash) {
                    return Err(GraphqlError::new(
                        format!(
                            "the query's SHA-256 is {actual}, not the sha256Hash {hash} sent with it"
                        ),
                        ErrorCode::PersistedQueryHashMismatch,
                    ));
                }
                self.put(&actual, query).await;
                Ok(Some(query.to_string()))
            }
            None => match self.get(&hash.to_ascii_lowercase()).await {
                Some(document) => {
                    record_cache(CacheKind::PersistedQuery, true);
                    Ok(Some(document))
                }
                None => {
                    record_cache(CacheKind::PersistedQuery, false);
                    Err(GraphqlError::new(
                        "PersistedQueryNotFound",
                        ErrorCode::PersistedQueryNotFound,
                    ))
                }
            },
        }
    }
}

pub fn sha256_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

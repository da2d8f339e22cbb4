//! The JSON Web Key Set that verifies RS256/ES256/EdDSA tokens, from a file or an URL.
//!
//! Read on first use, again once `refresh` has passed (the request that finds it stale waits
//! for the new set), and again when a token names a `kid` the set lacks, at most once per
//! `cooldown`: an identity provider that rotates its keys is followed without a restart, and
//! forged `kid`s cannot turn every request into a fetch.

use super::AuthError;
use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{Algorithm, DecodingKey};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{Mutex, RwLock};

/// Where the key set is read from.
#[derive(Debug, Clone)]
pub enum JwksSource {
    File(PathBuf),
    Url(String),
}

/// One verification key of the set.
#[derive(Clone)]
pub struct VerificationKey {
    pub key: DecodingKey,
    /// The key's `alg`, when the set names it: a token must use exactly that one.
    pub algorithm: Option<Algorithm>,
}

#[derive(Default)]
struct Loaded {
    /// By `kid`; a key without `kid` is under "".
    keys: HashMap<String, VerificationKey>,
    loaded_at: Option<Instant>,
    last_attempt: Option<Instant>,
}

pub struct KeyStore {
    source: JwksSource,
    refresh: Duration,
    cooldown: Duration,
    loaded: RwLock<Arc<Loaded>>,
    /// One fetch at a time; the others wait for its result.
    fetching: Mutex<()>,
}

/// The longest a fetch of the key set may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest key set accepted.
const MAX_JWKS_BYTES: usize = 1024 * 1024;

impl KeyStore {
    pub fn new(source: JwksSource, refresh: Duration, cooldown: Duration) -> Self {
        Self {
            source,
            refresh,
            cooldown,
            loaded: RwLock::new(Arc::new(Loaded::default())),
            fetching: Mutex::new(()),
        }
    }

    /// Reads the set now: `quntuan serve` calls it at start, to fail early on a bad source.
    pub async fn preload(&self) -> Result<usize, AuthError> {
        self.fetch(None).await?;
        Ok(self.loaded.read().await.keys.len())
    }

    /// The key for a token's `kid`.
    pub async fn key(&self, kid: Option<&str>) -> Result<VerificationKey, AuthError> {
        let kid = kid.unwrap_or("");
        let current = self.loaded.read().await.clone();
        let stale = current
            .loaded_at
            .is_none_or(|at| at.elapsed() >= self.refresh);
        if stale {
            // A failed refresh keeps the keys already loaded.
            if let Err(error) = self.fetch(current.last_attempt).await {
                tracing::warn!(target: "quntuan::auth", %error, "JWKS refresh failed");
                if current.keys.is_empty() {
                    return Err(error);
                }
            }
        }
        if let Some(key) = self.loaded.read().await.keys.get(kid) {
            return Ok(key.clone());
        }
        let last_attempt = self.loaded.read().await.last_attempt;
        if last_attempt.is_none_or(|at| at.elapsed() >= self.cooldown) {
            if let Err(error) = self.fetch(last_attempt).await {
                tracing::warn!(target: "quntuan::auth", %error, "JWKS refresh for an unknown kid failed");
            }
            if let Some(key) = self.loaded.read().await.keys.get(kid) {
                return Ok(key.clone());
            }
        }
        Err(AuthError::InvalidToken(format!(
            "no key with kid `{kid}` in the JSON Web Key Set"
        )))
    }

    /// Fetches the set unless another caller did since `seen_attempt`.
    async fn fetch(&self, seen_attempt: Option<Instant>) -> Result<(), AuthError> {
        let _one_at_a_time = self.fetching.lock().await;
        let before = self.loaded.read().await.clone();
        if before.last_attempt != seen_attempt && before.last_attempt.is_some() {
            return Ok(());
        }
        let now = Instant::now();
        let result = self.read_source().await.and_then(|text| parse(&text));
        let mut loaded = self.loaded.write().await;
        match result {
            Ok(keys) => {
                *loaded = Arc::new(Loaded {
                    keys,
                    loaded_at: Some(now),
                    last_attempt: Some(now),
                });
                Ok(())
            }
            Err(error) => {
                *loaded = Arc::new(Loaded {
                    keys: before.keys.clone(),
                    loaded_at: before.loaded_at,
                    last_attempt: Some(now),
                });
                Err(error)
            }
        }
    }

    async fn read_source(&self) -> Result<String, AuthError> {
        match &self.source {
            JwksSource::File(path) => tokio::fs::read_to_string(path)
                .await
                .map_err(|e| AuthError::KeysUnavailable(format!("{}: {e}", path.display()))),
            JwksSource::Url(url) => tokio::time::timeout(FETCH_TIMEOUT, fetch_url(url))
                .await
                .map_err(|_| {
                    AuthError::KeysUnavailable(format!(
                        "{url} did not answer within {FETCH_TIMEOUT:?}"
                    ))
                })?,
        }
    }
}

async fn fetch_url(url: &str) -> Result<String, AuthError> {
    let unavailable = |reason: String| AuthError::KeysUnavailable(format!("{url}: {reason}"));
    let uri: http::Uri = url.parse().map_err(|e| unavailable(format!("{e}")))?;
    let request = http::Request::get(uri)
        .header(http::header::ACCEPT, "application/json")
        .body(Empty::<Bytes>::new())
        .map_err(|e| unavailable(e.to_string()))?;
    let response = super::fetch::client()
        .request(request)
        .await
        .map_err(|e| unavailable(e.to_string()))?;
    if !response.status().is_success() {
        return Err(unavailable(format!("answered {}", response.status())));
    }
    let body = http_body_util::Limited::new(response.into_body(), MAX_JWKS_BYTES)
        .collect()
        .await
        .map_err(|e| unavailable(e.to_string()))?
        .to_bytes();
    String::from_utf8(body.to_vec()).map_err(|e| unavailable(e.to_string()))
}

/// The usable keys of a set; keys of unsupported types are left out with a warning.
fn parse(text: &str) -> Result<HashMap<String, VerificationKey>, AuthError> {
    let set: JwkSet = serde_json::from_str(text)
        .map_err(|e| AuthError::KeysUnavailable(format!("not a JSON Web Key Set: {e}")))?;
    let mut keys = HashMap::new();
    for jwk in &set.keys {
        let kid = jwk.common.key_id.clone().unwrap_or_default();
        match verification_key(jwk) {
            Ok(key) => {
                keys.insert(kid, key);
            }
            Err(error) => {
                tracing::warn!(target: "quntuan::auth", kid, %error, "JWKS key left out");
            }
        }
    }
    Ok(keys)
}

fn verification_key(jwk: &Jwk) -> Result<VerificationKey, String> {
    let key = DecodingKey::from_jwk(jwk).map_err(|e| e.to_string())?;
    let algorithm = match jwk.common.key_algorithm {
        None => None,
        Some(algorithm) => Some(
            algorithm
                .to_string()
                .parse::<Algorithm>()
                .map_err(|_| format!("`{algorithm}` is not a signature algorithm"))?,
        ),
    };
    Ok(VerificationKey { key, algorithm })
}

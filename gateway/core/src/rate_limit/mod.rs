//! Rate limits of incoming requests, as an axum layer ([`layer`]): a global token bucket and
//! one per client (JWT subject, client-name header, API-key header or IP, the first the
//! request carries in the configured order). Buckets live in memory, or in Redis when the
//! gateway has a Redis URL, shared by every replica; when Redis does not answer in time the
//! local buckets decide, the fallback is counted and logged, and no request fails for it.
//! A refused request answers 429 with `Retry-After` and a `RATE_LIMITED` GraphQL error.

pub mod bucket;
pub mod client;
pub mod settings;

pub use bucket::Decision;
pub use settings::{BucketSettings, ClientKey, RateLimitSettings};

use crate::auth::Authenticator;
use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::GraphqlResponse;
use crate::telemetry::metrics;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderValue, Request, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bucket::LocalBucket;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

const REDIS_PREFIX: &str = "quntuan:ratelimit:";
const GLOBAL_BUCKET: &str = "global";

/// Decides requests against the configured buckets.
pub struct RateLimiter {
    settings: RateLimitSettings,
    /// Verifies the tokens whose subject keys a client (the gateway's own authenticator:
    /// HS256 with the secret, or the key set).
    authenticator: Arc<Authenticator>,
    local: moka::sync::Cache<String, Arc<Mutex<LocalBucket>>>,
    redis: OnceLock<redis::aio::ConnectionManager>,
    redis_unavailable: AtomicBool,
    counters: Counters,
}

/// What the limiter has done since it started.
#[derive(Debug, Default)]
pub struct Counters {
    pub allowed: AtomicU64,
    pub refused: AtomicU64,
    /// Decisions the local buckets made because Redis did not answer.
    pub redis_fallbacks: AtomicU64,
}

impl RateLimiter {
    pub fn new(settings: RateLimitSettings, authenticator: Arc<Authenticator>) -> Self {
        Self {
            settings,
            authenticator,
            local: moka::sync::Cache::builder()
                .max_capacity(100_000)
                .time_to_idle(Duration::from_secs(600))
                .build(),
            redis: OnceLock::new(),
            redis_unavailable: AtomicBool::new(false),
            counters: Counters::default(),
        }
    }

    /// Shares the buckets through Redis. The connection is made on the first decision and
    /// remade whenever it breaks; until then the local buckets decide. Needs a Tokio runtime.
    pub fn use_redis(&self, url: &str) -> Result<(), String> {
        let client = redis::Client::open(url).map_err(|e| format!("Redis URL {url}: {e}"))?;
        let timeout = Duration::from_millis(self.settings.redis_timeout_ms);
        let config = redis::aio::ConnectionManagerConfig::new()
            .set_connection_timeout(Some(timeout))
            .set_response_timeout(Some(timeout))
            .set_number_of_retries(1)
            .set_max_delay(Duration::from_millis(500));
        let manager = redis::aio::ConnectionManager::new_lazy_with_config(client, config)
            .map_err(|e| format!("Redis {url}: {e}"))?;
        let _ = self.redis.set(manager);
        Ok(())
    }

    pub fn counters(&self) -> &Counters {
        &self.counters
    }

    /// The request's decision: its client's bucket first (so a refused client spends nothing
    /// of the global bucket), then the global one. `Err` names the limit that refused it.
    pub async fn decide(&self, client: Option<&str>) -> Result<(), Refusal> {
        if let (Some(bucket), Some(client)) = (self.settings.per_client, client)
            && let Decision::Refused { retry_after } = self.take(client, bucket).await
        {
            metrics::record_rate_limit_refusal("client");
            return Err(Refusal {
                limit: format!("client `{client}`"),
                bucket,
                retry_after,
            });
        }
        if let Some(bucket) = self.settings.global
            && let Decision::Refused { retry_after } = self.take(GLOBAL_BUCKET, bucket).await
        {
            metrics::record_rate_limit_refusal("global");
            return Err(Refusal {
                limit: "the gateway's global limit".into(),
                bucket,
                retry_after,
            });
        }
        Ok(())
    }

    async fn take(&self, key: &str, bucket: BucketSettings) -> Decision {
        if let Some(manager) = self.redis.get() {
            let mut connection = manager.clone();
            let redis_key = format!("{REDIS_PREFIX}{key}");
            let timeout = Duration::from_millis(self.settings.redis_timeout_ms);
            let answer = tokio::time::timeout(
                timeout,
                bucket::take_in_redis(&mut connection, &redis_key, bucket),
            )
            .await;
            match answer {
                Ok(Ok(decision)) => {
                    if self.redis_unavailable.swap(false, Ordering::Relaxed) {
                        tracing::info!("rate limits: Redis answers again, buckets are shared");
                    }
                    return decision;
                }
                Ok(Err(error)) => self.fell_back(&error.to_string()),
                Err(_) => self.fell_back(&format!("no answer within {timeout:?}")),
            }
        }
        let local = self.local.get_with(key.to_string(), || {
            Arc::new(Mutex::new(LocalBucket::full(bucket, Instant::now())))
        });
        let mut local = local.lock().unwrap_or_else(|e| e.into_inner());
        local.take(bucket, Instant::now())
    }

    fn fell_back(&self, reason: &str) {
        self.counters
            .redis_fallbacks
            .fetch_add(1, Ordering::Relaxed);
        metrics::record_rate_limit_redis_fallback();
        if !self.redis_unavailable.swap(true, Ordering::Relaxed) {
            tracing::warn!("rate limits: Redis unavailable ({reason}); local buckets decide");
        }
    }
}

/// Why a request was refused.
#[derive(Debug, Clone)]
pub struct Refusal {
    pub limit: String,
    pub bucket: BucketSettings,
    pub retry_after: Duration,
}

impl Refusal {
    fn into_response(self) -> Response {
        let seconds = self.retry_after.as_secs_f64().ceil().max(1.0) as u64;
        let error = GraphqlError::new(
            format!(
                "rate limit exceeded: {} allows {} requests a second (burst {}); retry in {seconds} s",
                self.limit, self.bucket.per_second, self.bucket.burst
            ),
            ErrorCode::RateLimited,
        );
        let body =
            serde_json::to_vec(&GraphqlResponse::request_errors(vec![error])).unwrap_or_default();
        let mut response = (
            StatusCode::TOO_MANY_REQUESTS,
            [(header::CONTENT_TYPE, "application/json")],
            body,
        )
            .into_response();
        response
            .headers_mut()
            .insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        response
    }
}

/// The axum middleware: refuses requests over their limits; `/health` is never limited.
/// Install with `axum::middleware::from_fn_with_state(limiter, limit)`.
pub async fn limit(
    axum::extract::State(limiter): axum::extract::State<Option<Arc<RateLimiter>>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let Some(limiter) = limiter else {
        return next.run(request).await;
    };
    if matches!(request.uri().path(), "/health" | "/metrics") {
        return next.run(request).await;
    }
    // Who the client is matters only to a per-client bucket: no token is verified otherwise.
    let client = match limiter.settings.per_client {
        Some(_) => {
            let peer = request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip());
            let headers = request.headers();
            client::identify(headers, peer, &limiter.settings, &limiter.authenticator).await
        }
        None => None,
    };
    match limiter.decide(client.as_deref()).await {
        Ok(()) => {
            limiter.counters.allowed.fetch_add(1, Ordering::Relaxed);
            next.run(request).await
        }
        Err(refusal) => {
            limiter.counters.refused.fetch_add(1, Ordering::Relaxed);
            refusal.into_response()
        }
    }
}

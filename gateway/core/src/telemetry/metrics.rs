//! The gateway's metrics: one process-wide set, so that counters survive a schema reload (which
//! builds a new [`crate::gateway::Gateway`]) and every layer (resilience, rate limits, caches)
//! records without being handed a registry. Every `record_*` function is a no-op when metrics
//! are switched off ([`configure`]).

use super::MetricsSettings;
use super::labels::BoundedLabels;
use super::registry::{CounterFamily, Family, GaugeFamily, HistogramFamily, render};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{OnceLock, RwLock};
use std::time::Duration;

/// A pipeline stage with its own latency histogram.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Parse,
    Validate,
    Plan,
    Execute,
}

impl Stage {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Parse => "parse",
            Self::Validate => "validate",
            Self::Plan => "plan",
            Self::Execute => "execute",
        }
    }
}

/// A cache whose hits and misses are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheKind {
    Document,
    Plan,
    PersistedQuery,
}

impl CacheKind {
    fn as_str(self) -> &'static str {
        match self {
            Self::Document => "document",
            Self::Plan => "plan",
            Self::PersistedQuery => "apq",
        }
    }
}

/// A circuit breaker's state, as the `quntuan_circuit_breaker_state` gauge shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakerState {
    Closed = 0,
    HalfOpen = 1,
    Open = 2,
}

impl BreakerState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Closed => "closed",
            Self::HalfOpen => "half_open",
            Self::Open => "open",
        }
    }
}

pub struct Metrics {
    enabled: AtomicBool,
    /// False when `/metrics` has its own listen address.
    on_gateway_address: AtomicBool,
    client_header: RwLock<Option<String>>,
    operations: BoundedLabels,
    clients: BoundedLabels,
    pub requests: CounterFamily,
    pub request_duration: HistogramFamily,
    pub in_flight: GaugeFamily,
    pub stage_duration: HistogramFamily,
    pub fetch_duration: HistogramFamily,
    pub subgraph_errors: CounterFamily,
    pub cache: CounterFamily,
    pub deduplicated_fetches: CounterFamily,
    pub schema_reloads: CounterFamily,
    pub trusted_documents: CounterFamily,
    pub trusted_documents_reloads: CounterFamily,
    pub breaker_state: GaugeFamily,
    pub breaker_transitions: CounterFamily,
    pub concurrency_waits: CounterFamily,
    pub concurrency_refusals: CounterFamily,
    pub retries: CounterFamily,
    pub retries_refused: CounterFamily,
    pub rate_limit_refusals: CounterFamily,
    pub rate_limit_redis_fallbacks: CounterFamily,
    pub subscriptions_open: GaugeFamily,
    pub subscription_events: CounterFamily,
    pub subscription_events_dropped: CounterFamily,
    pub subscriptions_deduplicated: CounterFamily,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

/// The process's metrics.
pub fn metrics() -> &'static Metrics {
    METRICS.get_or_init(|| Metrics::new(&MetricsSettings::default()))
}

/// Applies the settings: on or off, and the label caps (caps only before the first use).
pub fn configure(settings: &MetricsSettings) {
    let metrics = METRICS.get_or_init(|| Metrics::new(settings));
    metrics.enabled.store(settings.enabled, Ordering::Relaxed);
    metrics
        .on_gateway_address
        .store(settings.listen.is_none(), Ordering::Relaxed);
    *metrics
        .client_header
        .write()
        .unwrap_or_else(|e| e.into_inner()) = settings.client_name_header.clone();
}

/// Whether the gateway's own router serves `/metrics`.
pub fn served_on_gateway_address() -> bool {
    let metrics = metrics();
    metrics.enabled.load(Ordering::Relaxed) && metrics.on_gateway_address.load(Ordering::Relaxed)
}

/// Whether metrics are recorded at all.
pub fn enabled() -> bool {
    metrics().enabled.load(Ordering::Relaxed)
}

impl Metrics {
    fn new(settings: &MetricsSettings) -> Self {
        Self {
            enabled: AtomicBool::new(settings.enabled),
            on_gateway_address: AtomicBool::new(settings.listen.is_none()),
            client_header: RwLock::new(settings.client_name_header.clone()),
            operations: BoundedLabels::new(settings.max_operation_names),
            clients: BoundedLabels::new(settings.max_client_names),
            requests: CounterFamily::new(
                "quntuan_requests_total",
                "GraphQL requests answered, by HTTP status, operation name and client name.",
                &["status", "operation", "client"],
            ),
            request_duration: HistogramFamily::new(
                "quntuan_request_duration_seconds",
                "Time from receiving a GraphQL request to its response headers.",
                &[],
            ),
            in_flight: GaugeFamily::new(
                "quntuan_requests_in_flight",
                "GraphQL requests being answered now.",
                &[],
            ),
            stage_duration: HistogramFamily::new(
                "quntuan_stage_duration_seconds",
                "Time spent in each pipeline stage (parse, validate, plan, execute); cached stages are not observed.",
                &["stage"],
            ),
            fetch_duration: HistogramFamily::new(
                "quntuan_subgraph_fetch_duration_seconds",
                "Time of each subgraph fetch, through every resilience layer.",
                &["subgraph"],
            ),
            subgraph_errors: CounterFamily::new(
                "quntuan_subgraph_errors_total",
                "Subgraph fetches that failed, by subgraph and error code (SUBGRAPH_TIMEOUT for timeouts).",
                &["subgraph", "code"],
            ),
            cache: CounterFamily::new(
                "quntuan_cache_requests_total",
                "Lookups of the document, plan and automatic persisted query (apq) caches.",
                &["cache", "result"],
            ),
            deduplicated_fetches: CounterFamily::new(
                "quntuan_deduplicated_fetches_total",
                "Subgraph fetches answered by an identical fetch already in flight.",
                &["subgraph"],
            ),
            trusted_documents: CounterFamily::new(
                "quntuan_trusted_documents_total",
                "Requests through the trusted documents stage, by outcome (by_id, by_body, unknown_served, not_in_list, not_in_safelist, id_required).",
                &["result"],
            ),
            trusted_documents_reloads: CounterFamily::new(
                "quntuan_trusted_documents_reloads_total",
                "Trusted documents manifests loaded or refused, by result (success, failure).",
                &["result"],
            ),
            schema_reloads: CounterFamily::new(
                "quntuan_schema_reloads_total",
                "Supergraph reloads, by result (success, failure).",
                &["result"],
            ),
            breaker_state: GaugeFamily::new(
                "quntuan_circuit_breaker_state",
                "Each subgraph's circuit breaker: 0 closed, 1 half-open, 2 open.",
                &["subgraph"],
            ),
            breaker_transitions: CounterFamily::new(
                "quntuan_circuit_breaker_transitions_total",
                "Circuit breaker state changes, by subgraph and the state entered.",
                &["subgraph", "state"],
            ),
            concurrency_waits: CounterFamily::new(
                "quntuan_subgraph_concurrency_waits_total",
                "Subgraph requests that found every slot busy and waited for one.",
                &["subgraph"],
            ),
            concurrency_refusals: CounterFamily::new(
                "quntuan_subgraph_concurrency_refusals_total",
                "Subgraph requests refused after waiting max_wait_ms for a slot.",
                &["subgraph"],
            ),
            retries: CounterFamily::new(
                "quntuan_subgraph_retries_total",
                "Subgraph requests retried after a transient failure.",
                &["subgraph"],
            ),
            retries_refused: CounterFamily::new(
                "quntuan_subgraph_retry_budget_exhausted_total",
                "Transient failures not retried because the retry budget was spent.",
                &["subgraph"],
            ),
            rate_limit_refusals: CounterFamily::new(
                "quntuan_rate_limit_refusals_total",
                "Requests refused with 429, by the limit that refused them (client, global).",
                &["limit"],
            ),
            rate_limit_redis_fallbacks: CounterFamily::new(
                "quntuan_rate_limit_redis_fallbacks_total",
                "Rate-limit decisions made by local buckets because Redis did not answer.",
                &[],
            ),
            subscriptions_open: GaugeFamily::new(
                "quntuan_subscriptions_open",
                "Subscriptions open now, over every connection and protocol.",
                &[],
            ),
            subscription_events: CounterFamily::new(
                "quntuan_subscription_events_total",
                "Subscription events run for client subscriptions (each sharer of a deduplicated subgraph subscription counts its own), by subgraph.",
                &["subgraph"],
            ),
            subscription_events_dropped: CounterFamily::new(
                "quntuan_subscription_events_dropped_total",
                "Subscription events dropped, oldest first, because a client read slower than they came (`subscriptions.buffer_size`).",
                &["subgraph"],
            ),
            subscriptions_deduplicated: CounterFamily::new(
                "quntuan_subscriptions_deduplicated_total",
                "Client subscriptions served by an identical subgraph subscription already open (`subscriptions.deduplicate`).",
                &["subgraph"],
            ),
        }
    }

    /// The text exposition of every metric.
    pub fn render(&self) -> String {
        render(&[
            Family::Counter(&self.requests),
            Family::Histogram(&self.request_duration),
            Family::Gauge(&self.in_flight),
            Family::Histogram(&self.stage_duration),
            Family::Histogram(&self.fetch_duration),
            Family::Counter(&self.subgraph_errors),
            Family::Counter(&self.cache),
            Family::Counter(&self.deduplicated_fetches),
            Family::Counter(&self.schema_reloads),
            Family::Counter(&self.trusted_documents),
            Family::Counter(&self.trusted_documents_reloads),
            Family::Gauge(&self.breaker_state),
            Family::Counter(&self.breaker_transitions),
            Family::Counter(&self.concurrency_waits),
            Family::Counter(&self.concurrency_refusals),
            Family::Counter(&self.retries),
            Family::Counter(&self.retries_refused),
            Family::Counter(&self.rate_limit_refusals),
            Family::Counter(&self.rate_limit_redis_fallbacks),
            Family::Gauge(&self.subscriptions_open),
            Family::Counter(&self.subscription_events),
            Family::Counter(&self.subscription_events_dropped),
            Family::Counter(&self.subscriptions_deduplicated),
        ])
    }

    /// The operation label of a parsed, selected operation (capped; anonymous ones are `anonymous`).
    pub fn operation_label(&self, name: Option<&str>) -> String {
        self.operations.admit(name.unwrap_or("anonymous"))
    }

    /// The configured client-name header, read before `apollographql-client-name`.
    pub fn client_header(&self) -> Option<String> {
        self.client_header
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The client label of a client-name header value (capped).
    pub fn client_label(&self, name: &str) -> String {
        self.clients.admit(name)
    }
}

/// Runs `f` on the metrics when they are on.
fn with(f: impl FnOnce(&Metrics)) {
    let metrics = metrics();
    if metrics.enabled.load(Ordering::Relaxed) {
        f(metrics);
    }
}

pub fn record_stage(stage: Stage, elapsed: Duration) {
    with(|m| m.stage_duration.observe(&[stage.as_str()], elapsed));
}

pub fn record_cache(cache: CacheKind, hit: bool) {
    let result = if hit { "hit" } else { "miss" };
    with(|m| m.cache.inc(&[cache.as_str(), result]));
}

/// One subgraph fetch: its time, and its error code when it failed.
pub fn record_fetch(subgraph: &str, elapsed: Duration, error_code: Option<&str>) {
    with(|m| {
        m.fetch_duration.observe(&[subgraph], elapsed);
        if let Some(code) = error_code {
            m.subgraph_errors.inc(&[subgraph, code]);
        }
    });
}

pub fn record_deduplicated_fetch(subgraph: &str) {
    with(|m| m.deduplicated_fetches.inc(&[subgraph]));
}

/// One supergraph reload: call it after each attempt, with whether the new schema serves.
pub fn record_schema_reload(succeeded: bool) {
    let result = if succeeded { "success" } else { "failure" };
    with(|m| m.schema_reloads.inc(&[result]));
}

/// A circuit breaker entered `state`.
/// A request through the trusted documents stage, by outcome.
pub fn record_trusted_document(result: &'static str) {
    with(|m| m.trusted_documents.inc(&[result]));
}

pub fn record_trusted_documents_reload(succeeded: bool) {
    let result = if succeeded { "success" } else { "failure" };
    with(|m| m.trusted_documents_reloads.inc(&[result]));
}

pub fn record_breaker_transition(subgraph: &str, state: BreakerState) {
    with(|m| {
        m.breaker_state.set(&[subgraph], state as i64);
        m.breaker_transitions.inc(&[subgraph, state.as_str()]);
    });
}

pub fn record_concurrency_wait(subgraph: &str) {
    with(|m| m.concurrency_waits.inc(&[subgraph]));
}

pub fn record_concurrency_refusal(subgraph: &str) {
    with(|m| m.concurrency_refusals.inc(&[subgraph]));
}

/// A transient failure: retried, or not because the budget was spent.
pub fn record_retry(subgraph: &str, retried: bool) {
    with(|m| {
        if retried {
            m.retries.inc(&[subgraph]);
        } else {
            m.retries_refused.inc(&[subgraph]);
        }
    });
}

/// A request refused by a rate limit: `client` or `global`.
pub fn record_rate_limit_refusal(limit: &str) {
    with(|m| m.rate_limit_refusals.inc(&[limit]));
}

pub fn record_rate_limit_redis_fallback() {
    with(|m| m.rate_limit_redis_fallbacks.inc(&[]));
}

pub fn record_subscriptions_open(open: usize) {
    with(|m| m.subscriptions_open.set(&[], open as i64));
}

/// An event from `subgraph`; `dropped` when the client's buffer was full and lost its oldest.
pub fn record_subscription_event(subgraph: &str, dropped: bool) {
    with(|m| {
        m.subscription_events.inc(&[subgraph]);
        if dropped {
            m.subscription_events_dropped.inc(&[subgraph]);
        }
    });
}

/// `missed` events a client of a shared subscription lost by reading slower than they came.
pub fn record_subscription_events_dropped(subgraph: &str, missed: u64) {
    with(|m| m.subscription_events_dropped.add(&[subgraph], missed));
}

/// A client subscription that joined an identical subgraph subscription already open.
pub fn record_subscription_deduplicated(subgraph: &str) {
    with(|m| m.subscriptions_deduplicated.inc(&[subgraph]));
}

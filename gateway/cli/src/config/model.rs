//! The configuration file's keys, every one with the default `quntuan serve` has without it.
//! Settings of the gateway's modules are their own structs (`HttpSettings`,
//! `ResilienceSettings`, ...), used here as they are.

use quntuan_gateway::audit::AuditSettings;
use quntuan_gateway::auth::{AuthSettings, check_secret_strength};
use quntuan_gateway::cost::DemandControlSettings;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::headers::{HeaderRules, HeaderSettings};
use quntuan_gateway::http::HttpSettings;
use quntuan_gateway::limits::LimitSettings;
use quntuan_gateway::rate_limit::RateLimitSettings;
use quntuan_gateway::resilience::ResilienceSettings;
use quntuan_gateway::subgraph_compression::SubgraphCompressionSettings;
use quntuan_gateway::subscription::SubscriptionSettings;
use quntuan_gateway::telemetry::MetricsSettings;
use quntuan_gateway::tls::{TlsSettings, client_config};
use quntuan_gateway::trusted::{TrustedDocuments, TrustedDocumentsSettings};
use quntuan_trace::TracingSettings;
use quntuan_trace::log::LogSettings;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct ServeConfig {
    /// Address to listen on.
    pub(crate) listen: SocketAddr,
    /// Where the supergraph comes from, and how often it is looked at again.
    pub(crate) supergraph: SupergraphConfig,
    /// How long one subgraph request may take, in milliseconds.
    pub(crate) subgraph_timeout_ms: u64,
    /// Subgraph URLs that replace the supergraph's, by subgraph name.
    pub(crate) subgraph_urls: BTreeMap<String, String>,
    /// HS256 secret that verifies callers' JWTs, at least 32 bytes.
    pub(crate) jwt_secret: Option<String>,
    /// Redis for state shared by replicas (persisted queries, rate-limit buckets).
    pub(crate) redis_url: Option<String>,
    /// Progressive-override labels switched on or off.
    pub(crate) override_labels: BTreeMap<String, bool>,
    pub(crate) deduplicate_requests: bool,
    pub(crate) deduplicate_inbound: bool,
    pub(crate) introspection: bool,
    /// Serve the dashboard on `/dashboard`.
    pub(crate) dashboard: bool,
    /// Documents, plans and cost formulas kept per schema, each.
    pub(crate) plan_cache_size: u64,
    /// Estimated bytes the document, plan and cost caches hold per schema, together.
    pub(crate) plan_cache_bytes: u64,
    pub(crate) http: HttpSettings,
    pub(crate) resilience: ResilienceSettings,
    pub(crate) rate_limits: RateLimitSettings,
    pub(crate) limits: LimitSettings,
    /// Demand control: operations costed from `@cost`/`@listSize`, reported or refused.
    pub(crate) demand_control: DemandControlSettings,
    /// Prometheus metrics on `/metrics`.
    pub(crate) metrics: MetricsSettings,
    /// OpenTelemetry traces exported by OTLP.
    pub(crate) tracing: TracingSettings,
    /// Log lines on stderr: text or JSON, and what is logged.
    pub(crate) log: LogSettings,
    /// Tokens beyond the HS256 secret: key sets, issuers, audiences, where the token is,
    /// what each `@policy` requires.
    pub(crate) auth: AuthSettings,
    /// Where the trail of personal-data reads goes besides the `quntuan::audit` log target.
    pub(crate) audit: AuditSettings,
    /// Which operations run: a manifest of trusted documents and its mode.
    pub(crate) trusted_documents: TrustedDocumentsSettings,
    /// What `https://` subgraphs, key sets and sources are verified with, besides the public
    /// roots.
    pub(crate) tls: TlsSettings,
    /// Which headers subgraph requests carry, and which of the subgraphs' answers reach the
    /// client (`cache-control` is merged).
    pub(crate) headers: HeaderSettings,
    /// Compressed subgraph requests and answers, for all subgraphs or one.
    pub(crate) subgraph_compression: SubgraphCompressionSettings,
    /// Subscriptions: limits, buffers, heartbeats, each subgraph's protocol, deduplication.
    pub(crate) subscriptions: SubscriptionSettings,
    pub(crate) shutdown: ShutdownConfig,
}

impl Default for ServeConfig {
    fn default() -> Self {
        let gateway = GatewaySettings::default();
        Self {
            listen: SocketAddr::from(([127, 0, 0, 1], 4000)),
            supergraph: SupergraphConfig::default(),
            subgraph_timeout_ms: gateway.subgraph_timeout.as_millis() as u64,
            subgraph_urls: BTreeMap::new(),
            jwt_secret: None,
            redis_url: None,
            override_labels: BTreeMap::new(),
            deduplicate_requests: gateway.deduplicate_requests,
            deduplicate_inbound: gateway.deduplicate_inbound,
            introspection: gateway.introspection,
            dashboard: false,
            plan_cache_size: gateway.plan_cache_size,
            plan_cache_bytes: gateway.plan_cache_bytes,
            http: HttpSettings::default(),
            resilience: ResilienceSettings::default(),
            rate_limits: RateLimitSettings::default(),
            limits: LimitSettings::default(),
            demand_control: DemandControlSettings::default(),
            metrics: MetricsSettings::default(),
            tracing: TracingSettings::default(),
            log: LogSettings::default(),
            auth: AuthSettings::default(),
            audit: AuditSettings::default(),
            trusted_documents: gateway.trusted_documents,
            tls: TlsSettings::default(),
            headers: gateway.headers,
            subgraph_compression: gateway.subgraph_compression,
            subscriptions: SubscriptionSettings::default(),
            shutdown: ShutdownConfig::default(),
        }
    }
}

/// Exactly one of `file`, `url` and `subgraphs`.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct SupergraphConfig {
    /// A supergraph SDL file, reloaded when its content changes.
    pub(crate) file: Option<PathBuf>,
    /// An URL serving the supergraph SDL, polled with `If-None-Match`.
    pub(crate) url: Option<String>,
    /// Subgraphs (name: URL) the gateway composes itself, recomposing when an SDL changes.
    pub(crate) subgraphs: BTreeMap<String, String>,
    /// How often the source is looked at again, in milliseconds.
    pub(crate) poll_interval_ms: u64,
    /// Look again at all (`false`: the supergraph loaded at start is kept).
    pub(crate) watch: bool,
}

impl Default for SupergraphConfig {
    fn default() -> Self {
        Self {
            file: None,
            url: None,
            subgraphs: BTreeMap::new(),
            poll_interval_ms: 2_000,
            watch: true,
        }
    }
}

impl SupergraphConfig {
    pub(crate) fn poll_interval(&self) -> Duration {
        Duration::from_millis(self.poll_interval_ms)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub(crate) struct ShutdownConfig {
    /// After SIGTERM or Ctrl-C, how long requests in flight may take to finish, in ms.
    pub(crate) grace_period_ms: u64,
}

impl Default for ShutdownConfig {
    fn default() -> Self {
        Self {
            grace_period_ms: 30_000,
        }
    }
}

impl ServeConfig {
    /// Values that parsed but cannot work: `Err((key, what to fix))`.
    pub(crate) fn validate(&self) -> Result<(), (String, String)> {
        let fail = |key: &str, message: String| Err((key.to_string(), message));
        let source = &self.supergraph;
        let sources = usize::from(source.file.is_some())
            + usize::from(source.url.is_some())
            + usize::from(!source.subgraphs.is_empty());
        if sources > 1 {
            return fail(
                "supergraph",
                "give only one of `file`, `url` and `subgraphs`".into(),
            );
        }
        if source.poll_interval_ms == 0 {
            return fail(
                "supergraph.poll_interval_ms",
                "must be at least 1 (milliseconds)".into(),
            );
        }
        if let Some(url) = &source.url {
            check_url("supergraph.url", url)?;
        }
        for (name, url) in &source.subgraphs {
            check_url(&format!("supergraph.subgraphs.{name}"), url)?;
        }
        for (name, url) in &self.subgraph_urls {
            check_url(&format!("subgraph_urls.{name}"), url)?;
        }
        if let Some(secret) = &self.jwt_secret
            && let Err(message) = check_secret_strength(secret)
        {
            return fail("jwt_secret", message);
        }
        if let Err(message) =
            quntuan_gateway::auth::Authenticator::new(self.jwt_secret.clone(), self.auth.clone())
        {
            return fail("auth", message);
        }
        if let Err(message) = quntuan_gateway::audit::AuditTrail::new(self.audit.clone()) {
            return fail("audit", message);
        }
        if let Err(message) = client_config(&self.tls) {
            return fail("tls", message);
        }
        if let Some(url) = self.trusted_documents.manifest_url() {
            check_url("trusted_documents.manifest", url)?;
        }
        if let Err(message) = TrustedDocuments::new(self.trusted_documents.clone()) {
            return fail("trusted_documents", message);
        }
        HeaderRules::new(&self.headers)?;
        if let Err(message) = self.http.validate() {
            return fail("http", message);
        }
        self.subscriptions.validate()?;
        self.tracing.validate()?;
        self.log.validate()?;
        if self.subgraph_timeout_ms == 0 {
            return fail(
                "subgraph_timeout_ms",
                "must be at least 1 (milliseconds)".into(),
            );
        }
        if self.plan_cache_size == 0 {
            return fail("plan_cache_size", "must be at least 1".into());
        }
        if self.plan_cache_bytes == 0 {
            return fail("plan_cache_bytes", "must be at least 1".into());
        }
        for (key, bucket) in [
            ("rate_limits.global", &self.rate_limits.global),
            ("rate_limits.per_client", &self.rate_limits.per_client),
        ] {
            if let Some(bucket) = bucket
                && (bucket.per_second.is_nan() || bucket.per_second <= 0.0 || bucket.burst == 0)
            {
                return fail(
                    key,
                    "`per_second` must be above 0 and `burst` at least 1".into(),
                );
            }
        }
        Ok(())
    }

    /// The gateway's settings from the file's keys.
    #[allow(
        clippy::needless_update,
        reason = "settings added to GatewaySettings later keep their defaults until given a key"
    )]
    pub(crate) fn gateway_settings(&self) -> GatewaySettings {
        GatewaySettings {
            subgraph_timeout: Duration::from_millis(self.subgraph_timeout_ms),
            url_overrides: self.subgraph_urls.clone().into_iter().collect(),
            plan_cache_size: self.plan_cache_size,
            plan_cache_bytes: self.plan_cache_bytes,
            jwt_secret: self.jwt_secret.clone(),
            deduplicate_requests: self.deduplicate_requests,
            deduplicate_inbound: self.deduplicate_inbound,
            override_labels: self.override_labels.clone().into_iter().collect(),
            resilience: self.resilience.clone(),
            rate_limits: self.rate_limits.clone(),
            limits: self.limits.clone(),
            demand_control: self.demand_control.clone(),
            introspection: self.introspection,
            auth: self.auth.clone(),
            audit: self.audit.clone(),
            trusted_documents: self.trusted_documents.clone(),
            headers: self.headers.clone(),
            subgraph_compression: self.subgraph_compression.clone(),
            subscriptions: self.subscriptions.clone(),
            ..GatewaySettings::default()
        }
    }
}

fn check_url(key: &str, url: &str) -> Result<(), (String, String)> {
    let ok = (url.starts_with("http://") || url.starts_with("https://"))
        && url.parse::<http::Uri>().is_ok();
    if ok {
        Ok(())
    } else {
        Err((
            key.to_string(),
            format!(
                "`{url}` is not an http:// or https:// URL (a private CA for https is \
                 `tls.ca_file`)"
            ),
        ))
    }
}

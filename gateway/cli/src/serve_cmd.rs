//! `quntuan serve`: the gateway alone, in front of the subgraphs a supergraph names, configured
//! by a file ([`crate::config`]) and flags over it.

use crate::config::{self, ServeConfig, SupergraphConfig};
use crate::cost_args::CostArgs;
use crate::http_args::HttpArgs;
use crate::limit_args::LimitArgs;
use crate::telemetry_args::{TelemetryArgs, spawn_metrics_listener};
use crate::{shutdown, supergraph_source};
use clap::Args;
use quntuan_gateway::auth::check_secret_strength;
use quntuan_gateway::execute::HttpTransport;
use quntuan_gateway::gateway::SharedState;
use quntuan_gateway::http::{dashboard_routes, router_with_subscriptions};
use quntuan_gateway::reload::GatewayHandle;
use quntuan_gateway::trusted::TrustedDocumentsMode;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The configuration file (YAML, every key: deploy/quntuan.example.yaml). Flags and
    /// environment variables given as well override its keys.
    #[arg(long, env = "QUNTUAN_CONFIG")]
    config: Option<PathBuf>,
    /// The supergraph SDL (composed by `quntuan compose` or any standard federation tooling),
    /// reloaded when it changes; replaces the file's `supergraph` source.
    #[arg(long)]
    supergraph: Option<PathBuf>,
    /// Address to listen on [default: 127.0.0.1:4000].
    #[arg(long)]
    listen: Option<SocketAddr>,
    /// How long one subgraph request may take, in milliseconds [default: 30000].
    #[arg(long)]
    subgraph_timeout_ms: Option<u64>,
    /// Replace a subgraph's URL: NAME=URL (repeatable).
    #[arg(long = "subgraph-url", value_parser = parse_override)]
    subgraph_urls: Vec<(String, String)>,
    /// HS256 secret that verifies callers' JWTs (claim `scope`), at least 32 bytes; without it
    /// every caller is anonymous and fields under @requiresScopes/@authenticated are refused.
    #[arg(long, env = "QUNTUAN_JWT_SECRET")]
    jwt_secret: Option<String>,
    /// Authentication: KEY=VALUE (repeatable), e.g. `jwks_url=http://idp/keys`,
    /// `jwks_file=keys.json`, `issuers=["https://idp"]`, `audiences=["quntuan"]`,
    /// `cookie=session`, `policies.caseworker={"role":"caseworker"}`. Keys and defaults:
    /// README, "Security". Over the file's `auth` keys.
    #[arg(long = "auth")]
    auth: Vec<String>,
    /// Also store the audit trail of personal-data reads (always logged to the
    /// `quntuan::audit` target) in a table of this database (postgres:// or sqlite://).
    #[arg(long, env = "QUNTUAN_AUDIT_DATABASE_URL")]
    audit_database_url: Option<String>,
    /// The audit table, created by the gateway (`name` or `schema.name`) [default: quntuan_audit].
    #[arg(long)]
    audit_table: Option<String>,
    /// Switch a progressive-override label on or off: NAME=true|false (repeatable). Labels
    /// not named here: `percent(N)` is drawn per request, named labels are off.
    #[arg(long = "override-label", value_parser = parse_label)]
    override_labels: Vec<(String, bool)>,
    /// Redis for state shared by gateway replicas (persisted queries); memory when absent.
    #[arg(long, env = "QUNTUAN_REDIS_URL")]
    redis_url: Option<String>,
    /// Share one subgraph request among identical concurrent queries (`false` to switch off)
    /// [default: true].
    #[arg(long, action = clap::ArgAction::Set)]
    deduplicate_requests: Option<bool>,
    /// Answer identical concurrent client queries of the same caller with one execution
    /// [default: false].
    #[arg(long, action = clap::ArgAction::Set)]
    deduplicate_inbound: Option<bool>,
    /// Subgraph resilience: KEY=VALUE for every subgraph, NAME.KEY=VALUE for one (repeatable),
    /// e.g. `max_retries=1`, `youth.timeout_ms=2000`, `hub.max_concurrent_requests=64`,
    /// `breaker_enabled=false`. Keys and defaults: README, "Traffic resilience".
    #[arg(long = "subgraph-policy")]
    subgraph_policies: Vec<String>,
    /// Rate limits: KEY=VALUE (repeatable), e.g. `global={"per_second":500,"burst":1000}`,
    /// `per_client={"per_second":20,"burst":40}`, `client_keys=["api_key","ip"]`. Shared
    /// through `--redis-url` when given. Keys and defaults: README, "Traffic resilience".
    #[arg(long = "rate-limit")]
    rate_limits: Vec<String>,
    /// Largest request body accepted, in bytes [default: 2097152].
    #[arg(long)]
    max_body_bytes: Option<usize>,
    /// Serve the cross-organisation dashboard on `/dashboard` (it reads the public API).
    #[arg(long, env = "QUNTUAN_DASHBOARD")]
    dashboard: bool,
    /// Refuse requests a browser could send cross-site without a preflight (a simple content
    /// type, or none, and no CSRF header). `false` lets any web page run operations as its
    /// visitors: switch it off only behind a proxy that does the same check [default: true].
    #[arg(long, action = clap::ArgAction::Set)]
    csrf_prevention: Option<bool>,
    /// Headers whose presence lets a request with a simple content type (or a GET) through,
    /// comma-separated [default: x-quntuan-csrf,apollo-require-preflight].
    #[arg(long, value_delimiter = ',')]
    csrf_required_headers: Option<Vec<String>>,
    /// Answer introspection (`__schema`, `__type`); `false` refuses such documents with
    /// INTROSPECTION_DISABLED (GraphiQL then cannot show the schema). `__typename` stays
    /// [default: true].
    #[arg(long, action = clap::ArgAction::Set)]
    introspection: Option<bool>,
    /// Trusted documents: `off`, `safelist` (by ID, or a free-form document the manifest
    /// has), `require_id` (by ID only) or `log_unknown` (run everything, log what the manifest
    /// lacks) [default: off].
    #[arg(long, value_parser = parse_mode)]
    trusted_documents: Option<TrustedDocumentsMode>,
    /// The trusted documents manifest: a file or an http(s):// URL (Apollo's persisted query
    /// manifest or Relay's {id: document} map), reloaded when it changes.
    #[arg(long)]
    trusted_documents_manifest: Option<String>,
    /// PEM certificates of a private CA that https:// subgraphs, key sets, supergraph and
    /// manifest URLs may be signed by, besides the public roots compiled in.
    #[arg(long, env = "QUNTUAN_TLS_CA_FILE")]
    tls_ca_file: Option<PathBuf>,
    /// After SIGTERM or Ctrl-C, how long requests in flight may take to finish, in
    /// milliseconds [default: 30000].
    #[arg(long)]
    shutdown_grace_period_ms: Option<u64>,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    demand_control: CostArgs,
    #[command(flatten)]
    telemetry: TelemetryArgs,
    #[command(flatten)]
    http: HttpArgs,
}

impl ServeArgs {
    /// The file's configuration (or the defaults) with the flags and environment over it.
    fn config(&self) -> Result<ServeConfig, String> {
        let mut config = match &self.config {
            Some(path) => config::load(path).map_err(|e| e.to_string())?,
            None => ServeConfig::default(),
        };
        if let Some(path) = &self.supergraph {
            config.supergraph = SupergraphConfig {
                file: Some(path.clone()),
                url: None,
                subgraphs: Default::default(),
                ..config.supergraph
            };
        }
        if let Some(secret) = &self.jwt_secret {
            check_secret_strength(secret)
                .map_err(|message| format!("--jwt-secret / QUNTUAN_JWT_SECRET: {message}"))?;
            config.jwt_secret = Some(secret.clone());
        }
        set(&mut config.listen, self.listen);
        set(&mut config.subgraph_timeout_ms, self.subgraph_timeout_ms);
        config
            .subgraph_urls
            .extend(self.subgraph_urls.iter().cloned());
        config
            .override_labels
            .extend(self.override_labels.iter().cloned());
        set(&mut config.redis_url, self.redis_url.clone().map(Some));
        set(&mut config.deduplicate_requests, self.deduplicate_requests);
        set(&mut config.deduplicate_inbound, self.deduplicate_inbound);
        set(&mut config.introspection, self.introspection);
        set(&mut config.tls.ca_file, self.tls_ca_file.clone().map(Some));
        set(&mut config.trusted_documents.mode, self.trusted_documents);
        set(
            &mut config.trusted_documents.manifest,
            self.trusted_documents_manifest.clone().map(Some),
        );
        config.dashboard |= self.dashboard;
        set(&mut config.http.max_body_bytes, self.max_body_bytes);
        set(&mut config.http.csrf.enabled, self.csrf_prevention);
        set(
            &mut config.http.csrf.required_headers,
            self.csrf_required_headers.clone(),
        );
        set(
            &mut config.shutdown.grace_period_ms,
            self.shutdown_grace_period_ms,
        );
        for assignment in &self.subgraph_policies {
            config
                .resilience
                .set(assignment)
                .map_err(|message| format!("--subgraph-policy {message}"))?;
        }
        for assignment in &self.rate_limits {
            config
                .rate_limits
                .set(assignment)
                .map_err(|message| format!("--rate-limit {message}"))?;
        }
        for assignment in &self.auth {
            config
                .auth
                .set(assignment)
                .map_err(|message| format!("--auth {message}"))?;
        }
        set(
            &mut config.audit.database_url,
            self.audit_database_url.clone().map(Some),
        );
        set(&mut config.audit.table, self.audit_table.clone());
        self.limits.apply(&mut config.limits);
        self.demand_control.apply(&mut config.demand_control);
        self.telemetry.apply(&mut config.metrics);
        self.telemetry
            .apply_traces(&mut config.tracing, &mut config.log);
        config
            .tracing
            .validate()
            .map_err(|(key, message)| format!("{key}: {message}"))?;
        self.http.apply(&mut config.http);
        config.http.validate()?;
        Ok(config)
    }
}

/// A flag given replaces the file's value.
fn set<T>(target: &mut T, flag: Option<T>) {
    if let Some(value) = flag {
        *target = value;
    }
}

fn parse_mode(text: &str) -> Result<TrustedDocumentsMode, String> {
    serde_json::from_value(serde_json::Value::String(text.to_string()))
        .map_err(|_| format!("`{text}` is not a mode: off, safelist, require_id or log_unknown"))
}

fn parse_label(text: &str) -> Result<(String, bool), String> {
    let (name, value) = text
        .split_once('=')
        .ok_or_else(|| format!("`{text}` is not NAME=true|false"))?;
    let on = value
        .parse::<bool>()
        .map_err(|_| format!("`{value}` in `{text}` is neither true nor false"))?;
    Ok((name.to_string(), on))
}

fn parse_override(text: &str) -> Result<(String, String), String> {
    text.split_once('=')
        .map(|(name, url)| (name.to_string(), url.to_string()))
        .ok_or_else(|| format!("`{text}` is not NAME=URL"))
}

pub(crate) fn run(args: ServeArgs) -> ExitCode {
    let config = match args.config() {
        Ok(config) => config,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(message) = quntuan_trace::log::init_logging(&config.log) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    crate::block_on(serve(config, None))
}

/// Serves the gateway `config` describes until SIGTERM or Ctrl-C, then drains. `listener`:
/// an address already bound (`quntuan dev` binds every port before it starts anything).
pub(crate) async fn serve(
    config: ServeConfig,
    listener: Option<TcpListener>,
) -> Result<(), String> {
    let settings = config.gateway_settings();
    // Before any client is built: each trusts what is configured when it is made.
    quntuan_gateway::tls::configure(&config.tls)?;
    let shared = SharedState::try_new(&settings, Arc::new(HttpTransport::new()))?;
    // A key set that cannot be read now is a configuration error: say so before serving.
    if let Some(keys) = shared.authenticator().key_store() {
        keys.preload()
            .await
            .map_err(|error| format!("auth: {error}"))?;
    }
    // So is a trusted documents manifest at an URL (a file was read with the settings).
    let trusted = shared.trusted_documents().clone();
    trusted.preload().await?;
    let _watcher = trusted.watch();
    let shared = match &config.redis_url {
        Some(url) => shared.with_redis(url).await.map_err(|e| e.to_string())?,
        None => shared,
    };
    quntuan_gateway::telemetry::metrics::configure(&config.metrics);
    if quntuan_trace::install(&config.tracing)? {
        eprintln!("quntuan traces exported by OTLP to the configured collector");
    }
    spawn_metrics_listener(&config.metrics).await?;
    let handle = GatewayHandle::empty(settings, shared);
    supergraph_source::start(&handle, &config.supergraph).await?;
    let subscriptions = quntuan_gateway::subscription::Registry::new();
    let mut app = router_with_subscriptions(handle, &config.http, subscriptions.clone());
    if config.dashboard {
        app = app.merge(dashboard_routes());
    }
    let listener = match listener {
        Some(listener) => listener,
        None => TcpListener::bind(config.listen)
            .await
            .map_err(|e| format!("cannot listen on {}: {e}", config.listen))?,
    };
    let address = listener
        .local_addr()
        .map_err(|e| format!("cannot read the listening address: {e}"))?;
    eprintln!("quntuan gateway listening on http://{address}/graphql");
    let grace = Duration::from_millis(config.shutdown.grace_period_ms);
    // Subscriptions never end by themselves: at the signal each is completed, so that its
    // client is told and its connection closes within the grace period.
    let end_subscriptions = move || subscriptions.end_all();
    let served = shutdown::serve(listener, app, grace, end_subscriptions)
        .await
        .map_err(|e| format!("the server stopped: {e}"));
    // The spans of the last requests, before the process ends.
    quntuan_trace::flush().await;
    served
}

/// Loads a supergraph file into a gateway, with errors that name the file.
pub(crate) fn load_gateway(
    path: &PathBuf,
    settings: quntuan_gateway::gateway::GatewaySettings,
) -> Result<quntuan_gateway::gateway::Gateway, String> {
    let sdl = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read supergraph {}: {e}", path.display()))?;
    let supergraph = quntuan_gateway::supergraph::Supergraph::parse(&sdl)
        .map_err(|e| format!("supergraph {}: {e}", path.display()))?;
    Ok(quntuan_gateway::gateway::Gateway::new(supergraph, settings))
}

//! `quntuan serve`: the gateway alone, in front of the subgraphs a supergraph names.

use crate::http_args::HttpArgs;
use crate::limit_args::LimitArgs;
use clap::Args;
use quntuan_gateway::auth::check_secret_strength;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{CsrfSettings, HttpSettings, dashboard_routes, router};
use quntuan_gateway::rate_limit::RateLimitSettings;
use quntuan_gateway::resilience::ResilienceSettings;
use quntuan_gateway::supergraph::Supergraph;
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Args)]
pub(crate) struct ServeArgs {
    /// The supergraph SDL (composed by `quntuan compose` or any standard federation tooling).
    #[arg(long)]
    supergraph: PathBuf,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4000")]
    listen: SocketAddr,
    /// How long one subgraph request may take, in milliseconds.
    #[arg(long, default_value_t = 30_000)]
    subgraph_timeout_ms: u64,
    /// Replace a subgraph's URL: NAME=URL (repeatable).
    #[arg(long = "subgraph-url", value_parser = parse_override)]
    subgraph_urls: Vec<(String, String)>,
    /// HS256 secret that verifies callers' JWTs (claim `scope`), at least 32 bytes; without it
    /// every caller is anonymous and fields under @requiresScopes/@authenticated are refused.
    #[arg(long, env = "QUNTUAN_JWT_SECRET")]
    jwt_secret: Option<String>,
    /// Switch a progressive-override label on or off: NAME=true|false (repeatable). Labels
    /// not named here: `percent(N)` is drawn per request, named labels are off.
    #[arg(long = "override-label", value_parser = parse_label)]
    override_labels: Vec<(String, bool)>,
    /// Redis for state shared by gateway replicas (persisted queries); memory when absent.
    #[arg(long, env = "QUNTUAN_REDIS_URL")]
    redis_url: Option<String>,
    /// Share one subgraph request among identical concurrent queries (`false` to switch off).
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    deduplicate_requests: bool,
    /// Answer identical concurrent client queries of the same caller with one execution.
    #[arg(long, default_value_t = false, action = clap::ArgAction::Set)]
    deduplicate_inbound: bool,
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
    /// Largest request body accepted, in bytes.
    #[arg(long, default_value_t = 2 * 1024 * 1024)]
    max_body_bytes: usize,
    /// Serve the cross-organisation dashboard on `/dashboard` (it reads the public API).
    #[arg(long, env = "QUNTUAN_DASHBOARD")]
    dashboard: bool,
    /// Refuse requests a browser could send cross-site without a preflight (a simple content
    /// type, or none, and no CSRF header). `false` lets any web page run operations as its
    /// visitors: switch it off only behind a proxy that does the same check.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    csrf_prevention: bool,
    /// Headers whose presence lets a request with a simple content type (or a GET) through,
    /// comma-separated [default: x-quntuan-csrf,apollo-require-preflight].
    #[arg(long, value_delimiter = ',')]
    csrf_required_headers: Option<Vec<String>>,
    /// Answer introspection (`__schema`, `__type`); `false` refuses such documents with
    /// INTROSPECTION_DISABLED (GraphiQL then cannot show the schema). `__typename` stays.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    introspection: bool,
    #[command(flatten)]
    limits: LimitArgs,
    #[command(flatten)]
    http: HttpArgs,
}

impl ServeArgs {
    fn http_settings(&self) -> HttpSettings {
        let defaults = CsrfSettings::default();
        HttpSettings {
            max_body_bytes: self.max_body_bytes,
            csrf: CsrfSettings {
                enabled: self.csrf_prevention,
                required_headers: self
                    .csrf_required_headers
                    .clone()
                    .unwrap_or(defaults.required_headers),
            },
            compression: self.http.compression(),
            cors: self.http.cors(),
        }
    }
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

/// Loads a supergraph file into a gateway, with errors that name the file.
pub(crate) fn load_gateway(path: &PathBuf, settings: GatewaySettings) -> Result<Gateway, String> {
    let sdl = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read supergraph {}: {e}", path.display()))?;
    let supergraph =
        Supergraph::parse(&sdl).map_err(|e| format!("supergraph {}: {e}", path.display()))?;
    Ok(Gateway::new(supergraph, settings))
}

pub(crate) fn run(args: ServeArgs) -> ExitCode {
    if let Some(secret) = &args.jwt_secret
        && let Err(message) = check_secret_strength(secret)
    {
        eprintln!("error: --jwt-secret / QUNTUAN_JWT_SECRET: {message}");
        return ExitCode::FAILURE;
    }
    let mut resilience = ResilienceSettings::default();
    for assignment in &args.subgraph_policies {
        if let Err(message) = resilience.set(assignment) {
            eprintln!("error: --subgraph-policy {message}");
            return ExitCode::FAILURE;
        }
    }
    let mut rate_limits = RateLimitSettings::default();
    for assignment in &args.rate_limits {
        if let Err(message) = rate_limits.set(assignment) {
            eprintln!("error: --rate-limit {message}");
            return ExitCode::FAILURE;
        }
    }
    let settings = GatewaySettings {
        resilience,
        rate_limits,
        subgraph_timeout: Duration::from_millis(args.subgraph_timeout_ms),
        url_overrides: args
            .subgraph_urls
            .iter()
            .cloned()
            .collect::<HashMap<_, _>>(),
        jwt_secret: args.jwt_secret.clone(),
        deduplicate_requests: args.deduplicate_requests,
        deduplicate_inbound: args.deduplicate_inbound,
        override_labels: args.override_labels.iter().cloned().collect(),
        limits: args.limits.settings(),
        introspection: args.introspection,
        ..GatewaySettings::default()
    };
    let gateway = match load_gateway(&args.supergraph, settings) {
        Ok(gateway) => gateway,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::FAILURE;
        }
    };
    let http = args.http_settings();
    if let Err(message) = http.validate() {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async move {
        let gateway = match &args.redis_url {
            Some(url) => match gateway.with_redis(url).await {
                Ok(gateway) => gateway,
                Err(error) => {
                    eprintln!("error: {error}");
                    return ExitCode::FAILURE;
                }
            },
            None => gateway,
        };
        let mut app = router(Arc::new(gateway), &http);
        if args.dashboard {
            app = app.merge(dashboard_routes());
        }
        let listener = match tokio::net::TcpListener::bind(args.listen).await {
            Ok(listener) => listener,
            Err(error) => {
                eprintln!("error: cannot listen on {}: {error}", args.listen);
                return ExitCode::FAILURE;
            }
        };
        eprintln!(
            "quntuan gateway listening on http://{}/graphql",
            args.listen
        );
        let shutdown = async {
            let _ = tokio::signal::ctrl_c().await;
        };
        let app = app.into_make_service_with_connect_info::<SocketAddr>();
        match axum::serve(listener, app)
            .with_graceful_shutdown(shutdown)
            .await
        {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: the server stopped: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

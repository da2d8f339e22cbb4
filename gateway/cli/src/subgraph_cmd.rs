//! `quntuan subgraph NAME`: one subgraph alone, migrated on start.

use crate::subgraphs;
use clap::Args;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Args)]
pub(crate) struct SubgraphArgs {
    /// hub, unions, youth, women, science or disability.
    name: String,
    /// Address to listen on.
    #[arg(long, default_value = "127.0.0.1:4001")]
    listen: String,
    /// Database URL (sqlite://FILE or postgres://...). Default: SQLite under --data-dir.
    #[arg(long, env = "DATABASE_URL")]
    database_url: Option<String>,
    /// Where the default SQLite databases live.
    #[arg(long, default_value = "data")]
    data_dir: PathBuf,
}

/// The secret a standalone subgraph verifies tokens with: the kit falls back to a published
/// development secret, which only `quntuan dev` and tests may use.
fn require_secret() -> Result<(), String> {
    let env = quntuan_kit::auth::JWT_SECRET_ENV;
    let secret = std::env::var(env).map_err(|_| {
        format!(
            "{env} is not set: a subgraph verifies callers' tokens with the gateway's secret \
             (at least 32 bytes, e.g. `openssl rand -hex 32`); `quntuan dev` runs without one"
        )
    })?;
    quntuan_gateway::auth::check_secret_strength(&secret).map_err(|e| format!("{env}: {e}"))
}

/// The log format of a subgraph (`QUNTUAN_LOG_FORMAT`: text or json; RUST_LOG for the level).
pub(crate) fn log_settings() -> quntuan_trace::log::LogSettings {
    let format = std::env::var("QUNTUAN_LOG_FORMAT")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or_default();
    quntuan_trace::log::LogSettings {
        format,
        ..Default::default()
    }
}

pub(crate) fn run(args: SubgraphArgs) -> ExitCode {
    if let Err(message) = require_secret() {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    if let Err(message) = quntuan_trace::log::init_logging(&log_settings()) {
        eprintln!("error: {message}");
        return ExitCode::FAILURE;
    }
    crate::block_on(async move {
        let service = subgraphs::by_name(&args.name)?;
        // QUNTUAN_OTLP_ENDPOINT: the subgraph joins the gateway's traces.
        quntuan_trace::install(&quntuan_trace::TracingSettings::from_env()?)?;
        std::fs::create_dir_all(&args.data_dir)
            .map_err(|e| format!("cannot create {}: {e}", args.data_dir.display()))?;
        let url = args
            .database_url
            .unwrap_or_else(|| subgraphs::sqlite_url(&args.data_dir, service.name()));
        let db = quntuan_kit::db::connect(&url)
            .await
            .map_err(|e| format!("{}: {e}", service.name()))?;
        service
            .migrate(&db)
            .await
            .map_err(|e| format!("{}: migration failed: {e}", service.name()))?;
        eprintln!(
            "subgraph `{}` listening on http://{}/graphql",
            service.name(),
            args.listen
        );
        // Replicas (and hub) share events through Redis when `QUNTUAN_REDIS_URL` is set.
        let events = quntuan_kit::EventBus::from_env()
            .await
            .map_err(|e| format!("{}: {e}", service.name()))?;
        let router =
            quntuan_kit::trace::traced(service.router_with_events(db, events), service.name());
        quntuan_kit::server::serve(&args.listen, router)
            .await
            .map_err(|e| format!("{}: {e}", service.name()))
    })
}

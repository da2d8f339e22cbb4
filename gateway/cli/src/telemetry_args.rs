//! `quntuan serve` flags of metrics: on or off, where `/metrics` listens, which header names
//! the client, and the label caps.

use clap::Args;
use quntuan_gateway::telemetry::MetricsSettings;
use quntuan_gateway::telemetry::http::metrics_router;
use std::net::SocketAddr;

#[derive(Debug, Args)]
pub(crate) struct TelemetryArgs {
    /// Record Prometheus metrics and serve them on `/metrics` [default: true].
    #[arg(long, action = clap::ArgAction::Set)]
    metrics: Option<bool>,
    /// Serve `/metrics` on this address instead of the gateway's own.
    #[arg(long, env = "QUNTUAN_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// A header naming the client in the metrics, read before `apollographql-client-name`.
    #[arg(long)]
    metrics_client_header: Option<String>,
    /// Distinct operation names with their own metrics label; later ones count as `other`
    /// [default: 200].
    #[arg(long)]
    metrics_max_operation_names: Option<usize>,
    /// Distinct client names with their own metrics label; later ones count as `other`
    /// [default: 100].
    #[arg(long)]
    metrics_max_client_names: Option<usize>,
}

impl TelemetryArgs {
    /// The flags given, over the configuration file's `metrics` keys.
    pub(crate) fn apply(&self, settings: &mut MetricsSettings) {
        if let Some(enabled) = self.metrics {
            settings.enabled = enabled;
        }
        if let Some(listen) = self.metrics_listen {
            settings.listen = Some(listen);
        }
        if let Some(header) = &self.metrics_client_header {
            settings.client_name_header = Some(header.clone());
        }
        if let Some(cap) = self.metrics_max_operation_names {
            settings.max_operation_names = cap;
        }
        if let Some(cap) = self.metrics_max_client_names {
            settings.max_client_names = cap;
        }
    }
}

/// Serves `/metrics` on its own address when one is configured; call inside the runtime.
pub(crate) async fn spawn_metrics_listener(settings: &MetricsSettings) -> Result<(), String> {
    let (true, Some(address)) = (settings.enabled, settings.listen) else {
        return Ok(());
    };
    let listener = tokio::net::TcpListener::bind(address)
        .await
        .map_err(|e| format!("cannot listen on {address} (metrics.listen): {e}"))?;
    eprintln!("quntuan metrics on http://{address}/metrics");
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, metrics_router()).await {
            eprintln!("error: the metrics server stopped: {error}");
        }
    });
    Ok(())
}

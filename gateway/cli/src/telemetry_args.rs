//! `quntuan serve` flags of metrics: on or off, where `/metrics` listens, which header names
//! the client, and the label caps.

use clap::Args;
use quntuan_gateway::telemetry::MetricsSettings;
use quntuan_gateway::telemetry::http::metrics_router;
use std::net::SocketAddr;

#[derive(Debug, Args)]
pub(crate) struct TelemetryArgs {
    /// Record Prometheus metrics and serve them on `/metrics`.
    #[arg(long, default_value_t = true, action = clap::ArgAction::Set)]
    metrics: bool,
    /// Serve `/metrics` on this address instead of the gateway's own.
    #[arg(long, env = "QUNTUAN_METRICS_LISTEN")]
    metrics_listen: Option<SocketAddr>,
    /// A header naming the client in the metrics, read before `apollographql-client-name`.
    #[arg(long)]
    metrics_client_header: Option<String>,
    /// Distinct operation names with their own metrics label; later ones count as `other`.
    #[arg(long, default_value_t = MetricsSettings::default().max_operation_names)]
    metrics_max_operation_names: usize,
    /// Distinct client names with their own metrics label; later ones count as `other`.
    #[arg(long, default_value_t = MetricsSettings::default().max_client_names)]
    metrics_max_client_names: usize,
}

impl TelemetryArgs {
    pub(crate) fn metrics_settings(&self) -> MetricsSettings {
        MetricsSettings {
            enabled: self.metrics,
            listen: self.metrics_listen,
            client_name_header: self.metrics_client_header.clone(),
            max_operation_names: self.metrics_max_operation_names,
            max_client_names: self.metrics_max_client_names,
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
        .map_err(|e| format!("cannot listen on {address} (--metrics-listen): {e}"))?;
    eprintln!("quntuan metrics on http://{address}/metrics");
    tokio::spawn(async move {
        if let Err(error) = axum::serve(listener, metrics_router()).await {
            eprintln!("error: the metrics server stopped: {error}");
        }
    });
    Ok(())
}

//! `quntuan serve` flags of metrics (on or off, where `/metrics` listens, which header names
//! the client, the label caps), of traces (the OTLP collector, the sampling ratio) and of
//! the log format.

use clap::Args;
use quntuan_gateway::telemetry::MetricsSettings;
use quntuan_gateway::telemetry::http::metrics_router;
use quntuan_trace::log::{LogFormat, LogSettings};
use quntuan_trace::{OtlpSettings, Protocol, TracingSettings};
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
    /// Export traces by OTLP to this collector, e.g. `http://127.0.0.1:4318` (HTTP) or
    /// `http://127.0.0.1:4317` (gRPC); nothing is traced without one.
    #[arg(long, env = quntuan_trace::OTLP_ENDPOINT_ENV)]
    otlp_endpoint: Option<String>,
    /// grpc, http/protobuf or http/json [default: http/protobuf].
    #[arg(long, env = quntuan_trace::OTLP_PROTOCOL_ENV)]
    otlp_protocol: Option<Protocol>,
    /// The share of traces started at the gateway that are recorded, 0 to 1; a request with a
    /// `traceparent` follows its caller's decision [default: 1].
    #[arg(long, env = quntuan_trace::SAMPLING_RATIO_ENV)]
    trace_sampling_ratio: Option<f64>,
    /// Log lines as `text` or `json` (with the trace id) [default: text].
    #[arg(long, env = "QUNTUAN_LOG_FORMAT")]
    log_format: Option<LogFormat>,
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

    /// The flags given, over the file's `tracing` and `log` keys.
    pub(crate) fn apply_traces(&self, tracing: &mut TracingSettings, log: &mut LogSettings) {
        if let Some(endpoint) = &self.otlp_endpoint {
            let otlp = tracing.otlp.get_or_insert_with(|| OtlpSettings {
                endpoint: String::new(),
                protocol: Protocol::default(),
                headers: Default::default(),
            });
            otlp.endpoint = endpoint.clone();
        }
        if let (Some(protocol), Some(otlp)) = (self.otlp_protocol, &mut tracing.otlp) {
            otlp.protocol = protocol;
        }
        if let Some(ratio) = self.trace_sampling_ratio {
            tracing.sampling_ratio = ratio;
        }
        if let Some(format) = self.log_format {
            log.format = format;
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

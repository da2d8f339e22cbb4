//! Metrics and traces of the gateway.
//!
//! [`metrics`]: Prometheus counters and histograms recorded by every stage, served on
//! `/metrics` ([`http`]). [`traces`]: OpenTelemetry spans for the request, its stages and its
//! subgraph fetches, with W3C `traceparent` accepted from clients and sent to subgraphs.

pub mod http;
pub mod labels;
pub mod metrics;
pub mod registry;
pub mod traces;

use serde::Deserialize;
use std::net::SocketAddr;

/// Metrics settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MetricsSettings {
    /// Record metrics and serve `/metrics` (on by default).
    pub enabled: bool,
    /// Serve `/metrics` on this address instead of the gateway's own.
    pub listen: Option<SocketAddr>,
    /// A header naming the client, read before `apollographql-client-name`.
    pub client_name_header: Option<String>,
    /// Distinct operation names given their own label; later ones count as `other`.
    pub max_operation_names: usize,
    /// Distinct client names given their own label; later ones count as `other`.
    pub max_client_names: usize,
}

impl Default for MetricsSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            listen: None,
            client_name_header: None,
            max_operation_names: 200,
            max_client_names: 100,
        }
    }
}

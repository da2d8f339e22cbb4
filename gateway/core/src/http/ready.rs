//! `GET /ready`: whether this gateway should receive traffic, in the shape Kubernetes readiness
//! probes read (200 ready, 503 not, a JSON body saying why). Ready means a supergraph is
//! loaded and, when `probe_subgraphs` is on, every subgraph answers `{ __typename }` in time.
//! `/health` (liveness) stays 200 whatever the subgraphs do: restarting the gateway would not
//! bring a subgraph back.

use crate::execute::{HttpTransport, SubgraphRequest, SubgraphTransport};
use crate::reload::GatewayHandle;
use axum::extract::{Extension, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use serde::Deserialize;
use std::sync::Arc;
use std::time::Duration;

/// What `/ready` checks besides a loaded schema.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadinessSettings {
    /// Also require every subgraph to answer a `{ __typename }` query (default: off).
    pub probe_subgraphs: bool,
    /// How long a subgraph has to answer the probe, in milliseconds (default 2,000).
    pub probe_timeout_ms: u64,
}

impl Default for ReadinessSettings {
    fn default() -> Self {
        Self {
            probe_subgraphs: false,
            probe_timeout_ms: 2_000,
        }
    }
}

/// The subgraph probe: its own HTTP(S) client, so probes never count against a circuit
/// breaker, a retry budget or a concurrency limit of real traffic.
#[derive(Clone)]
pub(super) struct Probe {
    transport: Option<Arc<HttpTransport>>,
    timeout: Duration,
}

impl Probe {
    pub(super) fn new(settings: &ReadinessSettings) -> Self {
        Self {
            transport: settings
                .probe_subgraphs
                .then(|| Arc::new(HttpTransport::new())),
            timeout: Duration::from_millis(settings.probe_timeout_ms),
        }
    }

    /// The first subgraph that did not answer, with why.
    async fn failure(&self, urls: Vec<(String, String)>) -> Option<String> {
        let transport = self.transport.as_ref()?;
        let probes = urls.into_iter().map(|(name, url)| {
            let request = SubgraphRequest {
                service_name: name.clone(),
                url,
                body: Bytes::from_static(br#"{"query":"{ __typename }"}"#),
                headers: Vec::new(),
                deduplicate: false,
                traceparent: None,
                response_headers: None,
                shared_parse: None,
            };
            async move {
                match tokio::time::timeout(self.timeout, transport.send(request)).await {
                    Ok(Ok(_)) => None,
                    Ok(Err(error)) => Some(format!("subgraph `{name}` {error}")),
                    Err(_) => Some(format!(
                        "subgraph `{name}` did not answer within {:?}",
                        self.timeout
                    )),
                }
            }
        });
        futures::future::join_all(probes)
            .await
            .into_iter()
            .flatten()
            .next()
    }
}

pub(super) async fn ready(
    State(handle): State<GatewayHandle>,
    Extension(probe): Extension<Probe>,
) -> Response {
    let Some(gateway) = handle.current() else {
        let reason = match handle.stats().last_error() {
            Some(error) => format!("no supergraph is loaded yet: {error}"),
            None => "no supergraph is loaded yet".to_string(),
        };
        return not_ready(&reason);
    };
    let mut urls: Vec<_> = gateway
        .subgraph_urls()
        .iter()
        .map(|(name, url)| (name.clone(), url.clone()))
        .collect();
    urls.sort();
    match probe.failure(urls).await {
        Some(reason) => not_ready(&reason),
        None => (
            [(header::CONTENT_TYPE, "application/json")],
            r#"{"status":"READY"}"#,
        )
            .into_response(),
    }
}

fn not_ready(reason: &str) -> Response {
    let body = serde_json::json!({ "status": "NOT_READY", "reason": reason });
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

//! How the executor reaches subgraphs: a trait, so tests can run subgraphs in-process, and the
//! pooled HTTP client used in production.

use crate::error::ErrorCode;
use crate::tls::Connector;
use bytes::Bytes;
use futures::future::BoxFuture;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::sync::Arc;
use std::time::Duration;

/// One request to a subgraph: its name, its URL and the JSON body to POST.
#[derive(Debug, Clone)]
pub struct SubgraphRequest {
    pub service_name: String,
    pub url: String,
    pub body: Bytes,
    /// Headers passed through from the client (authorization, for one).
    pub headers: Vec<(http::HeaderName, http::HeaderValue)>,
    /// Whether this is a query: an identical request in flight may answer it, and a transient
    /// failure may be retried. False for mutations.
    pub deduplicate: bool,
    /// The W3C `traceparent` of the fetch's span, when tracing is on: the subgraph's spans
    /// join the request's trace. Not part of what makes two requests identical.
    pub traceparent: Option<String>,
    /// Where the headers of the subgraph's answer go (the client response's `cache-control`
    /// and passed headers, [`crate::headers`]); `None` keeps them nowhere.
    pub response_headers: Option<Arc<dyn AnswerHeaders>>,
    /// Where a deduplicating transport tells the requester which shared parse its answer
    /// belongs to ([`super::shared_parse`]); `None` when the requester parses alone.
    pub shared_parse: Option<Arc<super::shared_parse::ParseSlot>>,
}

/// Receives the headers of a subgraph's answer, once per answer used.
pub trait AnswerHeaders: Send + Sync + std::fmt::Debug {
    fn record(&self, service: &str, headers: &http::HeaderMap);
}

/// Why a subgraph gave no usable answer.
#[derive(Debug, Clone, thiserror::Error)]
pub enum TransportError {
    #[error("could not reach {url}: {reason}")]
    Unreachable { url: String, reason: String },
    #[error("answered HTTP {status}")]
    Status { status: u16 },
    #[error("{0}")]
    Undecodable(String),
    #[error("did not answer within {0:?}")]
    Timeout(Duration),
    #[error("was not called: all {max} of its request slots stayed busy for {waited:?}")]
    Overloaded { max: usize, waited: Duration },
    #[error(
        "was not called: its circuit breaker is open after repeated failures (next probe in {retry_in:?})"
    )]
    CircuitOpen { retry_in: Duration },
}

impl TransportError {
    /// The `extensions.code` of the error a fetch answers with.
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::Unreachable { .. } | Self::Status { .. } | Self::Undecodable(_) => {
                ErrorCode::SubgraphRequestFailed
            }
            Self::Timeout(_) => ErrorCode::SubgraphTimeout,
            Self::Overloaded { .. } => ErrorCode::SubgraphOverloaded,
            Self::CircuitOpen { .. } => ErrorCode::SubgraphCircuitOpen,
        }
    }
}

/// Sends subgraph requests. Implementations must not panic and need honour no timeout
/// themselves: the resilience layers ([`crate::resilience`]) time every attempt, and the
/// executor bounds the whole call.
pub trait SubgraphTransport: Send + Sync {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>>;
}

/// HTTP/1.1 with keep-alive over a connection pool, plain or TLS as the URL says
/// ([`crate::tls`]).
pub struct HttpTransport {
    client: Client<Connector, Full<Bytes>>,
}

impl HttpTransport {
    /// Trusting what [`crate::tls::configure`] set (the public roots by default).
    pub fn new() -> Self {
        Self::with_connector(crate::tls::connector(Self::http_connector()))
    }

    /// Trusting exactly `tls` (tests, and gateways that need settings of their own).
    pub fn with_tls(tls: Arc<rustls::ClientConfig>) -> Self {
        Self::with_connector(crate::tls::connector_with(Self::http_connector(), tls))
    }

    fn http_connector() -> HttpConnector {
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(Duration::from_secs(5)));
        connector
    }

    fn with_connector(connector: Connector) -> Self {
        let client = Client::builder(TokioExecutor::new())
            .pool_idle_timeout(Duration::from_secs(60))
            .pool_max_idle_per_host(256)
            .build(connector);
        Self { client }
    }
}

impl Default for HttpTransport {
    fn default() -> Self {
        Self::new()
    }
}

impl SubgraphTransport for HttpTransport {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        Box::pin(async move {
            let unreachable = |reason: String| TransportError::Unreachable {
                url: request.url.clone(),
                reason,
            };
            let mut builder = http::Request::post(request.url.as_str())
                .header(http::header::CONTENT_TYPE, "application/json")
                .header(
                    http::header::ACCEPT,
                    "application/graphql-response+json, application/json",
                );
            for (name, value) in &request.headers {
                builder = builder.header(name, value);
            }
            if let Some(traceparent) = &request.traceparent {
                builder = builder.header(quntuan_trace::TRACEPARENT, traceparent.as_str());
            }
            let http_request = builder
                .body(Full::new(request.body.clone()))
                .map_err(|e| unreachable(e.to_string()))?;
            let response = self
                .client
                .request(http_request)
                .await
                .map_err(|e| unreachable(error_chain(&e)))?;
            let status = response.status();
            let (parts, body) = response.into_parts();
            let body = body
                .collect()
                .await
                .map_err(|e| unreachable(e.to_string()))?
                .to_bytes();
            let body = decoded(&parts.headers, body)?;
            // GraphQL-over-HTTP servers answer 4xx with a GraphQL body for request errors:
            // keep the body when it looks like one, so its errors reach the client.
            if !status.is_success() && !body.starts_with(b"{") {
                return Err(TransportError::Status {
                    status: status.as_u16(),
                });
            }
            if let Some(sink) = &request.response_headers {
                sink.record(&request.service_name, &parts.headers);
            }
            Ok(body)
        })
    }
}

/// The body as sent, decoded by its `content-encoding` (see [`crate::subgraph_compression`]).
fn decoded(headers: &http::HeaderMap, body: Bytes) -> Result<Bytes, TransportError> {
    match headers
        .get(http::header::CONTENT_ENCODING)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
    {
        None | Some("") | Some("identity") => Ok(body),
        Some(encoding) => crate::subgraph_compression::decode(
            encoding,
            &body,
            crate::subgraph_compression::MAX_DECODED_BYTES,
        )
        .map(Bytes::from)
        .map_err(TransportError::Undecodable),
    }
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

//! The "one extra hop" baseline: a minimal pass-through proxy that forwards every
//! `POST /graphql` body to one upstream over a pooled HTTP/1.1 client and streams the answer
//! back unchanged. Whatever the gateway costs beyond this is the price of federation itself.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;

use crate::server::health;

#[derive(Debug, thiserror::Error)]
pub enum ProxyError {
    #[error("upstream {upstream} could not be reached: {source}")]
    Upstream {
        upstream: Uri,
        #[source]
        source: hyper_util::client::legacy::Error,
    },
    #[error("request to upstream {upstream} could not be built: {source}")]
    Request {
        upstream: Uri,
        #[source]
        source: axum::http::Error,
    },
}

impl IntoResponse for ProxyError {
    fn into_response(self) -> Response {
        (StatusCode::BAD_GATEWAY, self.to_string()).into_response()
    }
}

#[derive(Clone)]
struct Proxy {
    client: Client<HttpConnector, Body>,
    upstream: Uri,
}

/// The proxy's router: `POST /graphql` forwards to `upstream`, `GET /health` answers locally.
pub fn router(upstream: Uri) -> Router {
    let mut connector = HttpConnector::new();
    // GraphQL bodies are small and latency matters more than packet count.
    connector.set_nodelay(true);
    let client = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(usize::MAX)
        .build(connector);
    Router::new()
        .route("/graphql", post(forward))
        .route("/health", get(health))
        .with_state(Proxy { client, upstream })
}

/// Headers that describe one connection, not the message, and so must not be forwarded.
const HOP_BY_HOP: [header::HeaderName; 6] = [
    header::CONNECTION,
    header::HOST,
    header::TE,
    header::TRAILER,
    header::TRANSFER_ENCODING,
    header::UPGRADE,
];

fn strip_hop_by_hop(headers: &mut HeaderMap<HeaderValue>) {
    for name in &HOP_BY_HOP {
        headers.remove(name);
    }
    headers.remove("keep-alive");
    headers.remove("proxy-connection");
}

async fn forward(State(proxy): State<Proxy>, request: Request) -> Result<Response, ProxyError> {
    let (mut parts, body) = request.into_parts();
    strip_hop_by_hop(&mut parts.headers);
    let mut upstream_request = axum::http::Request::builder()
        .method(parts.method)
        .uri(proxy.upstream.clone())
        .body(body)
        .map_err(|source| ProxyError::Request {
            upstream: proxy.upstream.clone(),
            source,
        })?;
    *upstream_request.headers_mut() = parts.headers;
    let response = proxy
        .client
        .request(upstream_request)
        .await
        .map_err(|source| ProxyError::Upstream {
            upstream: proxy.upstream.clone(),
            source,
        })?;
    let (mut parts, body) = response.into_parts();
    strip_hop_by_hop(&mut parts.headers);
    Ok(Response::from_parts(parts, Body::new(body)))
}

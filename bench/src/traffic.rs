//! What a gateway asks of a benchmark subgraph: requests, request bytes and response bytes,
//! counted at the subgraph and read at `GET /traffic` as one JSON object. bench/run.sh reads them
//! before and after each leg, so two gateways are compared on the work they cause behind them,
//! not only on their own CPU (a gateway that sends more or larger subgraph requests makes the
//! subgraphs, which share the machine, slower for everyone).
//!
//! With `RUST_LOG=quntuan_bench::traffic=debug` every request body is logged too, to see which
//! operations and representations a gateway sends.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::Router;
use axum::body::HttpBody as _;
use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

/// The largest request body a subgraph reads (the deep query's largest `_entities` request is a
/// few kilobytes).
const MAX_REQUEST_BYTES: usize = 16 << 20;

/// Counters of one subgraph since it started.
#[derive(Default)]
pub struct Traffic {
    requests: AtomicU64,
    request_bytes: AtomicU64,
    response_bytes: AtomicU64,
}

impl Traffic {
    fn to_json(&self) -> String {
        format!(
            r#"{{"requests":{},"request_bytes":{},"response_bytes":{}}}"#,
            self.requests.load(Ordering::Relaxed),
            self.request_bytes.load(Ordering::Relaxed),
            self.response_bytes.load(Ordering::Relaxed),
        )
    }
}

/// `router` with every `POST /graphql` counted, and the counts served at `GET /traffic`.
pub fn counted(name: &'static str, router: Router) -> Router {
    let traffic = Arc::new(Traffic::default());
    let read = traffic.clone();
    router
        .route_layer(middleware::from_fn(move |request, next| {
            count(name, traffic.clone(), request, next)
        }))
        .route(
            "/traffic",
            get(move || {
                let read = read.clone();
                async move { read.to_json() }
            }),
        )
}

async fn count(
    name: &'static str,
    traffic: Arc<Traffic>,
    request: Request,
    next: Next,
) -> Response {
    if request.uri().path() != "/graphql" {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    // Read whole so a chunked body is counted too (the GraphQL handler reads it whole anyway).
    let bytes = match to_bytes(body, MAX_REQUEST_BYTES).await {
        Ok(bytes) => bytes,
        Err(error) => {
            return (
                StatusCode::BAD_REQUEST,
                format!("cannot read the request body: {error}"),
            )
                .into_response();
        }
    };
    tracing::debug!(subgraph = name, body = %String::from_utf8_lossy(&bytes), "request");
    traffic.requests.fetch_add(1, Ordering::Relaxed);
    traffic
        .request_bytes
        .fetch_add(bytes.len() as u64, Ordering::Relaxed);
    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    // async-graphql answers with a whole body, so its size is known without reading it.
    if let Some(size) = response.body().size_hint().exact() {
        traffic.response_bytes.fetch_add(size, Ordering::Relaxed);
    }
    response
}

//! Request metrics at the HTTP edge: an axum middleware that counts GraphQL requests by
//! status, operation and client, times them and keeps the in-flight gauge; and the `/metrics`
//! handler. The operation name is learnt from the pipeline through a task-local slot
//! ([`note_operation`]), so only names of parsed, selected operations become labels.

use super::metrics::{enabled, metrics};
use axum::body::Body;
use axum::http::{HeaderMap, Request, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::cell::RefCell;
use std::time::Instant;

/// The header every Apollo client sends with its name.
pub const APOLLO_CLIENT_NAME: &str = "apollographql-client-name";
/// Label of requests that failed before an operation was selected.
const UNKNOWN: &str = "unknown";

tokio::task_local! {
    static OPERATION: RefCell<Option<String>>;
}

/// Records the operation the current request runs (a no-op outside a tracked request).
pub fn note_operation(name: Option<&str>) {
    if !enabled() {
        return;
    }
    let _ = OPERATION.try_with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Some(metrics().operation_label(name));
        }
    });
}

/// Whether `path` is a GraphQL endpoint (others — health, assets, metrics — are not counted).
fn is_graphql(path: &str) -> bool {
    path == "/graphql" || path == "/"
}

/// The middleware; install outermost so refusals by other layers (429, 413) are counted too.
pub async fn track(request: Request<Body>, next: Next) -> Response {
    if !enabled() || !is_graphql(request.uri().path()) {
        return next.run(request).await;
    }
    let metrics = metrics();
    let client = client_name(request.headers());
    let started = Instant::now();
    metrics.in_flight.add(&[], 1);
    // Decrements on drop, so a request whose client went away leaves the gauge too.
    let _in_flight = InFlight;
    let (response, operation) = OPERATION
        .scope(RefCell::new(None), async move {
            let response = next.run(request).await;
            let operation = OPERATION.with(|slot| slot.borrow_mut().take());
            (response, operation)
        })
        .await;
    metrics.request_duration.observe(&[], started.elapsed());
    let status = response.status();
    let operation = operation.unwrap_or_else(|| UNKNOWN.to_string());
    metrics
        .requests
        .inc(&[status.as_str(), &operation, &client]);
    response
}

struct InFlight;

impl Drop for InFlight {
    fn drop(&mut self) {
        metrics().in_flight.add(&[], -1);
    }
}

/// The client label: the configured header first, then `apollographql-client-name`.
fn client_name(headers: &HeaderMap) -> String {
    let metrics = metrics();
    let configured = metrics.client_header();
    let value = configured
        .iter()
        .map(String::as_str)
        .chain([APOLLO_CLIENT_NAME])
        .find_map(|name| headers.get(name)?.to_str().ok());
    match value {
        Some(value) if !value.is_empty() => metrics.client_label(value),
        _ => UNKNOWN.to_string(),
    }
}

/// `GET /metrics`: the Prometheus text exposition.
pub async fn scrape() -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "text/plain; version=0.0.4; charset=utf-8",
        )],
        metrics().render(),
    )
        .into_response()
}

/// A router with only `/metrics`, for a separate listen address.
pub fn metrics_router() -> axum::Router {
    axum::Router::new().route("/metrics", axum::routing::get(scrape))
}

//! The gateway's spans (with [`quntuan_trace`]): `request` (a server span continuing the
//! client's `traceparent`), the stages `parse`, `validate`, `plan` (when not cached) and
//! `execute`, and a `fetch` per subgraph request, whose `traceparent` the subgraph receives.
//! With no collector configured every function here costs one check of a global.

use crate::plan::FetchNode;
use axum::body::Body;
use axum::http::Request;
use axum::middleware::Next;
use axum::response::Response;
use quntuan_trace::{Span, SpanKind};

/// The middleware of the `request` span; install it outermost, so refusals by other layers
/// (429, 413) are traced too. The router adds it only when a tracer is installed.
pub async fn trace_request(request: Request<Body>, next: Next) -> Response {
    let path = request.uri().path();
    if !quntuan_trace::enabled() || !(path == "/graphql" || path == "/") {
        return next.run(request).await;
    }
    let traceparent = request
        .headers()
        .get(quntuan_trace::TRACEPARENT)
        .and_then(|value| value.to_str().ok());
    let mut span = Span::server(quntuan_trace::service_name(), "request", traceparent);
    if span.is_recording() {
        span.set("http.request.method", request.method().to_string());
        span.set("url.path", path.to_string());
    }
    let response = span.in_scope(next.run(request)).await;
    let status = response.status();
    span.set("http.response.status_code", i64::from(status.as_u16()));
    if status.is_server_error() {
        span.set_error(format!("answered HTTP {status}"));
    }
    response
}

/// Names the operation on the request's span once it is selected.
pub(crate) fn note_operation(operation: &apollo_compiler::executable::Operation) {
    if !quntuan_trace::current_is_sampled() {
        return;
    }
    if let Some(name) = &operation.name {
        quntuan_trace::note_on_request("graphql.operation.name", name.to_string());
    }
    let kind = match operation.operation_type {
        apollo_compiler::ast::OperationType::Query => "query",
        apollo_compiler::ast::OperationType::Mutation => "mutation",
        apollo_compiler::ast::OperationType::Subscription => "subscription",
    };
    quntuan_trace::note_on_request("graphql.operation.type", kind);
}

/// The span of one subgraph request: the subgraph, the client's operation and the fetch's
/// position in the plan (numbered depth first from 0).
pub(crate) fn fetch_span(fetch: &FetchNode, operation_name: Option<&str>) -> Span {
    let mut span = Span::child("fetch", SpanKind::Client);
    if span.is_recording() {
        span.set("subgraph.name", fetch.service_name.clone());
        if let Some(name) = operation_name {
            span.set("graphql.operation.name", name.to_string());
        }
        span.set("quntuan.fetch.position", fetch.id);
    }
    span
}

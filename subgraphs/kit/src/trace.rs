//! A subgraph's part of a trace (with [`quntuan_trace`]): a `request` span continuing the
//! gateway's `traceparent`, and a span for each database statement run under it (from
//! sea-orm's metric hook, called in the request's own task). Without a collector configured
//! (`QUNTUAN_OTLP_ENDPOINT`) each costs one check of a global.

use axum::Router;
use axum::body::Body;
use axum::http::Request;
use axum::middleware::Next;
use axum::response::Response;
use quntuan_trace::{Span, SpanKind, Status};
use sea_orm::DbBackend;

/// `router` with a `request` span around every GraphQL request, as `service`.
pub fn traced(router: Router, service: &'static str) -> Router {
    router.layer(axum::middleware::from_fn(
        move |request: Request<Body>, next: Next| trace_request(service, request, next),
    ))
}

async fn trace_request(service: &'static str, request: Request<Body>, next: Next) -> Response {
    if !quntuan_trace::enabled() || request.uri().path() != "/graphql" {
        return next.run(request).await;
    }
    let traceparent = request
        .headers()
        .get(quntuan_trace::TRACEPARENT)
        .and_then(|value| value.to_str().ok());
    let mut span = Span::server(service, "request", traceparent);
    if span.is_recording() {
        span.set("http.request.method", request.method().to_string());
        span.set("url.path", "/graphql");
    }
    let response = span.in_scope(next.run(request)).await;
    let status = response.status();
    span.set("http.response.status_code", i64::from(status.as_u16()));
    if status.is_server_error() {
        span.set_error(format!("answered HTTP {status}"));
    }
    response
}

/// sea-orm's metric hook: the statement as a finished child of the current span. Its text
/// has placeholders, never the values, so no personal data reaches the trace.
pub(crate) fn record_statement(info: &sea_orm::metric::Info<'_>) {
    if !quntuan_trace::current_is_sampled() {
        return;
    }
    let sql = &info.statement.sql;
    let operation = sql
        .split_whitespace()
        .next()
        .unwrap_or("statement")
        .to_ascii_uppercase();
    let system = match info.statement.db_backend {
        DbBackend::Postgres => "postgresql",
        DbBackend::Sqlite => "sqlite",
        _ => "other_sql",
    };
    let status = if info.failed {
        Status::Error("the statement failed".into())
    } else {
        Status::Unset
    };
    quntuan_trace::record_finished_child(
        operation.into(),
        SpanKind::Client,
        info.elapsed,
        vec![
            ("db.system.name", system.into()),
            ("db.query.text", sql.clone().into()),
        ],
        status,
    );
}

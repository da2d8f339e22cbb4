//! The HTTP surface every subgraph shares: `POST /graphql`, `GET /graphql` (GraphiQL for a
//! browser, a WebSocket for subscriptions (`server_ws`), queries otherwise), `GET /health`.

use std::sync::Arc;

use async_graphql::Executor;
use async_graphql::http::GraphiQLSource;
use async_graphql_axum::{GraphQLBatchRequest, GraphQLResponse};
use axum::extract::{FromRequest, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use tokio::net::TcpListener;

use crate::auth::{Caller, JwtVerifier};
use crate::error::{ErrorCode, KitError};

struct AppState<E> {
    executor: E,
    verifier: JwtVerifier,
}

/// The subgraph's router, verifying bearer tokens with the secret from
/// `QUNTUAN_JWT_SECRET` (or the development default).
pub fn router<E: Executor>(executor: E) -> Router {
    router_with_verifier(executor, JwtVerifier::from_env())
}

/// Same as [`router`] with an explicit verifier (tests).
pub fn router_with_verifier<E: Executor>(executor: E, verifier: JwtVerifier) -> Router {
    let state = Arc::new(AppState { executor, verifier });
    Router::new()
        .route("/graphql", get(graphql_get::<E>).post(graphql_post::<E>))
        .route("/health", get(health))
        .with_state(state)
}

async fn health() -> &'static str {
    "ok"
}

async fn graphql_post<E: Executor>(
    State(state): State<Arc<AppState<E>>>,
    request: Request,
) -> Response {
    execute(&state, request).await
}

async fn graphql_get<E: Executor>(
    State(state): State<Arc<AppState<E>>>,
    request: Request,
) -> Response {
    if crate::server_ws::is_upgrade(request.headers()) {
        let caller = match caller(&state.verifier, request.headers()) {
            Ok(caller) => caller,
            Err(response) => return *response,
        };
        let (executor, verifier) = (state.executor.clone(), state.verifier.clone());
        return crate::server_ws::upgrade(executor, verifier, caller, request).await;
    }
    let wants_html = request
        .headers()
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("text/html"));
    let has_query = request
        .uri()
        .query()
        .is_some_and(|q| q.split('&').any(|p| p.starts_with("query=")));
    if wants_html && !has_query {
        return Html(GraphiQLSource::build().endpoint("/graphql").finish()).into_response();
    }
    execute(&state, request).await
}

async fn execute<E: Executor>(state: &AppState<E>, request: Request) -> Response {
    let caller = match caller(&state.verifier, request.headers()) {
        Ok(caller) => caller,
        Err(response) => return *response,
    };
    let batch =
        match GraphQLBatchRequest::<async_graphql_axum::rejection::GraphQLRejection>::from_request(
            request,
            &(),
        )
        .await
        {
            Ok(batch) => batch.into_inner(),
            Err(rejection) => return rejection.into_response(),
        };
    GraphQLResponse::from(state.executor.execute_batch(batch.data(caller)).await).into_response()
}

/// A bad token is refused outright (401) rather than downgraded to anonymous, so a
/// misconfigured secret shows up at once.
fn caller(verifier: &JwtVerifier, headers: &HeaderMap) -> Result<Caller, Box<Response>> {
    verifier.caller_from_headers(headers).map_err(|err| {
        let body = serde_json::json!({
            "errors": [{ "message": err.to_string(), "extensions": { "code": ErrorCode::Forbidden.as_str() } }]
        });
        Box::new((StatusCode::UNAUTHORIZED, Json(body)).into_response())
    })
}

/// Binds `listen_addr` and serves `router` until Ctrl-C.
pub async fn serve(listen_addr: &str, router: Router) -> Result<(), KitError> {
    let listener = TcpListener::bind(listen_addr)
        .await
        .map_err(|source| KitError::Listen {
            addr: listen_addr.to_string(),
            source,
        })?;
    serve_listener(listener, router).await
}

/// Serves `router` on an already bound listener (tests bind port 0) until SIGTERM or Ctrl-C,
/// then stops accepting and lets requests in flight finish for at most
/// `QUNTUAN_SHUTDOWN_GRACE_MS` milliseconds (default 30,000).
pub async fn serve_listener(listener: TcpListener, router: Router) -> Result<(), KitError> {
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    tracing::info!(%addr, "subgraph listening");
    let grace = std::env::var("QUNTUAN_SHUTDOWN_GRACE_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(
            std::time::Duration::from_secs(30),
            std::time::Duration::from_millis,
        );
    let (signalled, on_signal) = tokio::sync::oneshot::channel::<()>();
    let server = axum::serve(listener, router).with_graceful_shutdown(async move {
        shutdown_signal().await;
        let _ = signalled.send(());
    });
    let deadline = async move {
        match on_signal.await {
            Ok(()) => tokio::time::sleep(grace).await,
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        result = server.into_future() => result.map_err(|source| KitError::Serve { addr, source }),
        () = deadline => {
            tracing::warn!(%addr, "the shutdown grace period ended with requests in flight");
            Ok(())
        }
    }
}

/// The first SIGTERM (what Kubernetes and systemd send) or Ctrl-C.
async fn shutdown_signal() {
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}

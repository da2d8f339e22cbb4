//! HTTP plumbing shared by every benchmark server: `POST /graphql` (and `GET` for queries),
//! `GET /health`, bound to 127.0.0.1 only.

use std::future::Future;
use std::net::{Ipv4Addr, SocketAddr};

use async_graphql::{ObjectType, Schema, SubscriptionType};
use async_graphql_axum::GraphQL;
use axum::Router;
use axum::routing::get;
use tokio::net::TcpListener;

#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        port: u16,
        #[source]
        source: std::io::Error,
    },
    #[error("server `{name}` on {addr} stopped with an error: {source}")]
    Serve {
        name: &'static str,
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
}

/// The router of one GraphQL server: the schema at `/graphql`, a liveness answer at `/health`.
pub fn graphql_router<Q, M, S>(schema: Schema<Q, M, S>) -> Router
where
    Q: ObjectType + 'static,
    M: ObjectType + 'static,
    S: SubscriptionType + 'static,
{
    Router::new()
        .route_service("/graphql", GraphQL::new(schema))
        .route("/health", get(health))
}

pub(crate) async fn health() -> &'static str {
    "ok"
}

/// Binds 127.0.0.1:`port` (0 picks a free port). Loopback only: the benchmark must never be
/// reachable from outside the machine.
pub async fn bind(port: u16) -> Result<TcpListener, ServeError> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, port))
        .await
        .map_err(|source| ServeError::Bind { port, source })
}

/// Serves `router` on `listener` until `shutdown` resolves, then lets in-flight requests finish.
pub async fn serve(
    name: &'static str,
    listener: TcpListener,
    router: Router,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let addr = listener.local_addr().map_err(|source| ServeError::Serve {
        name,
        addr: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
        source,
    })?;
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
        .map_err(|source| ServeError::Serve { name, addr, source })
}

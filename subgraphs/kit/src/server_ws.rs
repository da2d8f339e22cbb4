//! Subscriptions over `graphql-transport-ws` (and the older `graphql-ws`) on `GET /graphql`
//! with a WebSocket upgrade, the URL the gateway derives from the subgraph's (`http` → `ws`).
//! The caller comes from the upgrade's `Authorization` header, or from `connection_init`'s
//! payload (`{"authorization": "Bearer …"}` or the same under `headers`, as the gateway
//! sends both), verified like an HTTP request's; a bad token refuses the connection.

use async_graphql::{Data, Executor};
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::{FromRequestParts, Request, WebSocketUpgrade};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::auth::{Caller, JwtVerifier};

/// Whether `headers` ask for a WebSocket upgrade.
pub(crate) fn is_upgrade(headers: &HeaderMap) -> bool {
    headers
        .get(header::UPGRADE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.eq_ignore_ascii_case("websocket"))
}

/// Upgrades `request` and serves the schema's operations on the socket.
pub(crate) async fn upgrade<E: Executor>(
    executor: E,
    verifier: JwtVerifier,
    caller: Caller,
    request: Request,
) -> Response {
    let (mut parts, _) = request.into_parts();
    let protocol = match GraphQLProtocol::from_request_parts(&mut parts, &()).await {
        Ok(protocol) => protocol,
        Err(rejection) => return rejection.into_response(),
    };
    let upgrade = match WebSocketUpgrade::from_request_parts(&mut parts, &()).await {
        Ok(upgrade) => upgrade,
        Err(rejection) => return rejection.into_response(),
    };
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| {
            GraphQLWebSocket::new(socket, executor, protocol)
                .on_connection_init(move |payload| async move {
                    let mut data = Data::default();
                    data.insert(init_caller(&verifier, &payload, caller)?);
                    Ok(data)
                })
                .serve()
        })
}

/// The caller of `connection_init`'s payload when it names credentials, else the upgrade's.
fn init_caller(
    verifier: &JwtVerifier,
    payload: &serde_json::Value,
    upgrade_caller: Caller,
) -> async_graphql::Result<Caller> {
    let authorization = ["authorization", "Authorization"]
        .iter()
        .find_map(|key| {
            payload
                .get(key)
                .or_else(|| payload.get("headers").and_then(|h| h.get(key)))
        })
        .and_then(serde_json::Value::as_str);
    let Some(authorization) = authorization else {
        return Ok(upgrade_caller);
    };
    let mut headers = HeaderMap::new();
    let value = HeaderValue::from_str(authorization).map_err(|_| {
        async_graphql::Error::new("`connection_init`'s authorization is not a header value")
    })?;
    headers.insert(header::AUTHORIZATION, value);
    verifier.caller_from_headers(&headers).map_err(|err| {
        async_graphql::Error::new(format!("`connection_init` credentials refused: {err}"))
    })
}

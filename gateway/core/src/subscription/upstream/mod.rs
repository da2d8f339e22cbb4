//! The subgraph side of a subscription: the gateway subscribes to the subgraph that owns the
//! root field, over `graphql-transport-ws` ([`websocket`]) or SSE ([`sse`]) as configured for
//! that subgraph, one connection per client subscription (or per set of identical ones,
//! [`super::shared`]). Each protocol is a task that turns
//! the subgraph's messages into [`Upstream`] items and sends `complete` (or closes) when the
//! client goes away.

mod sse;
mod websocket;

use super::settings::{SubgraphProtocol, SubscriptionSettings};
use crate::error::{ErrorCode, GraphqlError};
use crate::execute::SubgraphRequest;
use bytes::Bytes;
use tokio::sync::mpsc;

/// One message of a subgraph subscription.
#[derive(Debug, Clone)]
pub(crate) enum Upstream {
    /// An event: the subgraph's `{data, errors}` for the root fetch.
    Next(Bytes),
    /// The subscription failed; nothing follows.
    Failed(GraphqlError),
}

/// The subgraph's messages, in order; the channel closing without [`Upstream::Failed`] is the
/// subgraph's `complete`.
pub(crate) type Events = mpsc::Receiver<Upstream>;

/// Opens `request` (the plan's root subscription fetch) against its subgraph, or says why the
/// subgraph would not take it.
pub(crate) async fn open(
    request: SubgraphRequest,
    settings: &SubscriptionSettings,
) -> Result<Events, GraphqlError> {
    let subgraph = settings.for_subgraph(&request.service_name);
    let url = subgraph.url.unwrap_or_else(|| request.url.clone());
    let opening = async {
        match subgraph.protocol {
            SubgraphProtocol::Websocket => websocket::open(&url, request.clone()).await,
            SubgraphProtocol::Sse => sse::open(&url, request.clone()).await,
        }
    };
    match tokio::time::timeout(settings.connect_timeout(), opening).await {
        Ok(result) => result,
        Err(_) => Err(failure(
            &request.service_name,
            format!(
                "did not accept the subscription within {} ms (`subscriptions.subgraph_connect_timeout_ms`)",
                settings.subgraph_connect_timeout_ms
            ),
        )),
    }
}

/// The error that ends a subscription because of its subgraph, naming it.
pub(crate) fn failure(service: &str, what: impl std::fmt::Display) -> GraphqlError {
    GraphqlError::new(
        format!("subgraph `{service}` {what}"),
        ErrorCode::SubgraphSubscriptionFailed,
    )
    .with_service(service)
}

/// The messages of GraphQL errors a subgraph sent, joined.
pub(crate) fn messages(errors: &serde_json::Value) -> String {
    match errors {
        serde_json::Value::Array(list) => list
            .iter()
            .map(|e| {
                e.get("message")
                    .and_then(serde_json::Value::as_str)
                    .unwrap_or("(an error without a message)")
                    .to_string()
            })
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// How many messages of a subgraph may wait for the gateway to run them: beyond it the
/// subgraph's connection is read no further until the gateway catches up.
const PENDING_MESSAGES: usize = 16;

fn channel() -> (mpsc::Sender<Upstream>, Events) {
    mpsc::channel(PENDING_MESSAGES)
}

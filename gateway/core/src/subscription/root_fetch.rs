//! The transport a subscription's executions run on. The plan of a subscription is a query
//! plan whose root fetch is the subscription itself; this transport answers that fetch without
//! a request (recording it on the first run, answering it with the event on each later run)
//! and sends every other fetch, the entity fetches of other subgraphs, to the gateway's own
//! transport, with its timeouts, retries and breakers.

use crate::error::{ErrorCode, GraphqlError};
use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use crate::gateway::RequestOptions;
use apollo_compiler::ast::OperationType;
use bytes::Bytes;
use futures::future::BoxFuture;
use serde::Deserialize;
use std::borrow::Cow;
use std::sync::{Arc, Mutex};

/// What a subscription's executions fetch through ([`RequestOptions::subscription`]).
#[derive(Clone)]
pub struct SubscriptionFetches(pub Arc<dyn SubgraphTransport>);

impl std::fmt::Debug for SubscriptionFetches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SubscriptionFetches")
    }
}

/// The one place the executor meets subscriptions: which transport a request's plan runs on.
/// A subscription runs only on the transport of [`crate::subscription::open`] (or a test's);
/// without one it was sent where no stream can carry its events.
#[expect(
    clippy::result_large_err,
    reason = "the error is the GraphQL error the client receives, built once per refused request"
)]
pub(crate) fn transport_for<'a>(
    kind: OperationType,
    options: &'a RequestOptions,
    gateway: &'a dyn SubgraphTransport,
) -> Result<&'a dyn SubgraphTransport, GraphqlError> {
    match (kind, &options.subscription) {
        (_, Some(fetches)) => Ok(fetches.0.as_ref()),
        (OperationType::Subscription, None) => Err(GraphqlError::new(
            "a subscription needs a streaming protocol: a WebSocket (`graphql-transport-ws`), \
             `accept: text/event-stream` or `accept: multipart/mixed;subscriptionSpec=\"1.0\"`",
            ErrorCode::BadRequest,
        )),
        _ => Ok(gateway),
    }
}

/// Answers the root subscription fetch itself; see the module documentation.
pub(crate) struct RootFetchTransport {
    inner: Arc<dyn SubgraphTransport>,
    state: Mutex<RootFetch>,
}

enum RootFetch {
    /// The first run: the root fetch is recorded (it is what to subscribe to) and answered
    /// with no data; that run's response is never delivered.
    Opening(Option<SubgraphRequest>),
    /// An event, the subgraph's `{data, errors}`: the answer of the root fetch.
    Event(Bytes),
}

impl RootFetchTransport {
    pub(crate) fn opening(inner: Arc<dyn SubgraphTransport>) -> Self {
        Self {
            inner,
            state: Mutex::new(RootFetch::Opening(None)),
        }
    }

    /// The root subscription fetch the opening run met, if the operation was a subscription.
    pub(crate) fn opened(&self) -> Option<SubgraphRequest> {
        match &mut *self.state.lock().unwrap_or_else(|e| e.into_inner()) {
            RootFetch::Opening(seen) => seen.take(),
            RootFetch::Event(_) => None,
        }
    }

    /// The event the next run answers the root fetch with.
    pub(crate) fn set_event(&self, payload: Bytes) {
        *self.state.lock().unwrap_or_else(|e| e.into_inner()) = RootFetch::Event(payload);
    }
}

/// Whether a request is a subscription's root fetch: its document is a subscription.
fn is_subscription(request: &SubgraphRequest) -> bool {
    #[derive(Deserialize)]
    struct Body<'a> {
        #[serde(borrow)]
        query: Cow<'a, str>,
    }
    serde_json::from_slice::<Body<'_>>(&request.body)
        .is_ok_and(|body| body.query.trim_start().starts_with("subscription"))
}

impl SubgraphTransport for RootFetchTransport {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        if !is_subscription(&request) {
            return self.inner.send(request);
        }
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        let answer = match &mut *state {
            RootFetch::Opening(seen) => {
                *seen = Some(request);
                Bytes::from_static(br#"{"data":null}"#)
            }
            RootFetch::Event(payload) => payload.clone(),
        };
        Box::pin(async move { Ok(answer) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Refuse;
    impl SubgraphTransport for Refuse {
        fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
            Box::pin(async move {
                Err(TransportError::Unreachable {
                    url: request.url,
                    reason: "not in this test".into(),
                })
            })
        }
    }

    fn request(query: &str) -> SubgraphRequest {
        SubgraphRequest {
            service_name: "unions".into(),
            url: "http://unions/graphql".into(),
            body: Bytes::from(serde_json::json!({"query": query}).to_string()),
            headers: Vec::new(),
            deduplicate: false,
            traceparent: None,
            response_headers: None,
            shared_parse: None,
        }
    }

    #[tokio::test]
    async fn the_root_fetch_is_recorded_then_answered_with_each_event() {
        let transport = RootFetchTransport::opening(Arc::new(Refuse));
        let opening = transport.send(request("subscription { a }")).await;
        assert_eq!(opening.ok(), Some(Bytes::from_static(br#"{"data":null}"#)));
        let opened = transport.opened().map(|r| r.service_name);
        assert_eq!(opened.as_deref(), Some("unions"));
        transport.set_event(Bytes::from_static(br#"{"data":{"a":1}}"#));
        let event = transport.send(request("subscription { a }")).await;
        assert_eq!(event.ok(), Some(Bytes::from_static(br#"{"data":{"a":1}}"#)));
        let entity = transport.send(request("query { b }")).await;
        assert!(entity.is_err(), "other fetches go to the inner transport");
    }
}

//! `subscriptions.deduplicate` through the real gateway HTTP server: identical subscriptions
//! share one subgraph subscription and each gets every event; different credentials never
//! share; the last client leaving closes it; the subgraph dying ends every sharer alike.

#[path = "support/subscriptions.rs"]
mod subscriptions_support;
#[path = "support/ws_client.rs"]
mod ws_client;

use quntuan_gateway::gateway::GatewaySettings;
use serde_json::{Value, json};
use std::time::Duration;
use subscriptions_support::{Setup, received, start, token, watch_request};
use ws_client::Socket;

fn deduplicate(settings: &mut GatewaySettings) {
    settings.subscriptions.deduplicate = true;
}

/// A socket of a caller with `bearer`, subscribed to the watch subscription as `id`.
async fn subscribed(setup: &Setup, bearer: &str, id: &str) -> Socket {
    let mut socket = Socket::ready(setup, json!({"authorization": bearer})).await;
    socket
        .send(json!({"id": id, "type": "subscribe", "payload": watch_request()}))
        .await;
    socket
}

fn next(id: &str, payload: Value) -> Value {
    json!({"id": id, "type": "next", "payload": payload})
}

/// `push("RECEIVED")`'s event after `received()`, with another step.
fn step(name: &str) -> Value {
    let mut event = received();
    event["data"]["disputeChanged"]["step"] = json!(name);
    event
}

async fn until_subgraph_subscriptions(setup: &Setup, n: usize) {
    tokio::time::timeout(Duration::from_secs(5), async {
        while setup.feed.count() != n {
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    })
    .await
    .unwrap_or_else(|_| panic!("the subgraph should hold {n} subscriptions"));
}

#[tokio::test]
async fn identical_subscriptions_share_one_subgraph_subscription_and_each_gets_every_event() {
    let setup = start(deduplicate).await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut first = subscribed(&setup, &bearer, "a").await;
    setup.feed.listeners(1).await;
    let mut second = subscribed(&setup, &bearer, "b").await;
    setup.subscriptions(2).await;
    assert_eq!(setup.feed.count(), 1, "one subgraph subscription for both");
    setup.feed.push("RECEIVED");
    setup.feed.push("MEDIATION");
    for (socket, id) in [(&mut first, "a"), (&mut second, "b")] {
        assert_eq!(socket.recv().await, next(id, received()));
        assert_eq!(socket.recv().await, next(id, step("MEDIATION")));
    }
    assert_eq!(setup.subgraph_headers.lock().expect("headers").len(), 1);
    // The first leaving keeps the subgraph subscription for the second; the last closes it.
    first.send(json!({"id": "a", "type": "complete"})).await;
    setup.subscriptions(1).await;
    setup.feed.push("CLOSED");
    assert_eq!(second.recv().await, next("b", step("CLOSED")));
    assert_eq!(setup.feed.count(), 1);
    second.send(json!({"id": "b", "type": "complete"})).await;
    until_subgraph_subscriptions(&setup, 0).await;
}

#[tokio::test]
async fn callers_with_different_credentials_never_share_a_subgraph_subscription() {
    let setup = start(deduplicate).await;
    let one = format!("Bearer {}", token("unions:personal"));
    let other = format!("Bearer {}", token("unions:read"));
    let mut first = subscribed(&setup, &one, "a").await;
    let mut second = subscribed(&setup, &other, "b").await;
    setup.feed.listeners(2).await;
    setup.feed.push("RECEIVED");
    assert_eq!(first.recv().await, next("a", received()));
    assert_eq!(second.recv().await, next("b", received()));
    let inits = setup.inits.lock().expect("inits").clone();
    assert_eq!(
        inits.len(),
        2,
        "each caller's credentials in its own connection_init"
    );
    assert!(inits.contains(&json!({"authorization": one})));
    assert!(inits.contains(&json!({"authorization": other})));
}

#[tokio::test]
async fn without_deduplication_identical_subscriptions_each_get_a_subgraph_subscription() {
    let setup = start(|_| {}).await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut first = subscribed(&setup, &bearer, "a").await;
    let mut second = subscribed(&setup, &bearer, "b").await;
    setup.feed.listeners(2).await;
    setup.feed.push("RECEIVED");
    assert_eq!(first.recv().await, next("a", received()));
    assert_eq!(second.recv().await, next("b", received()));
    assert_eq!(setup.feed.count(), 2);
}

#[tokio::test]
async fn a_shared_subgraph_subscription_that_dies_ends_every_sharer_with_the_same_error() {
    let setup = start(deduplicate).await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut first = subscribed(&setup, &bearer, "a").await;
    setup.feed.listeners(1).await;
    let mut second = subscribed(&setup, &bearer, "b").await;
    setup.subscriptions(2).await;
    let _ = setup.kill_unions.send(true);
    let error = json!([{
        "message": "subgraph `unions` dropped the subscription's connection: WebSocket protocol error: Connection reset without closing handshake",
        "extensions": {"code": "SUBGRAPH_SUBSCRIPTION_FAILED", "serviceName": "unions"}
    }]);
    for (socket, id) in [(&mut first, "a"), (&mut second, "b")] {
        assert_eq!(
            socket.recv().await,
            json!({"id": id, "type": "error", "payload": error})
        );
    }
    setup.subscriptions(0).await;
}

//! Subscriptions through the real gateway HTTP server to async-graphql subgraphs: a client
//! subscribes over each protocol (WebSocket, SSE, multipart), an event is pushed at the
//! subgraph, and it arrives with a field another subgraph owns resolved; scopes, a subgraph
//! that dies, limits and the WebSocket protocol's rules.

#[path = "support/streaming_client.rs"]
mod streaming_client;
#[path = "support/subscriptions.rs"]
mod subscriptions_support;
#[path = "support/ws_client.rs"]
mod ws_client;

use quntuan_gateway::subscription::SubgraphProtocol;
use serde_json::{Value, json};
use streaming_client::Streamed;
use subscriptions_support::{Setup, received, start, token, watch_request};
use ws_client::Socket;

/// A streaming POST of `body` to the gateway with `accept`.
async fn post_streaming(setup: &Setup, accept: &str, body: Value) -> Streamed {
    let url = format!("{}/graphql", setup.gateway);
    Streamed::post(&url, &[("accept", accept)], &body).await
}

// --- the tests ---------------------------------------------------------------------------

#[tokio::test]
async fn a_websocket_subscription_gets_each_event_with_another_subgraphs_field() {
    let setup = start(|_| {}).await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut socket = Socket::ready(&setup, json!({"Authorization": bearer})).await;
    socket
        .send(json!({"id": "w1", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "w1", "type": "next", "payload": received()})
    );
    setup.feed.complete();
    assert_eq!(socket.recv().await, json!({"id": "w1", "type": "complete"}));
    // The caller's credentials went to the subgraph in its own `connection_init`.
    let inits = setup.inits.lock().expect("inits").clone();
    assert_eq!(inits, vec![json!({"authorization": bearer})]);
}

#[tokio::test]
async fn an_sse_subscription_gets_each_event_then_complete() {
    let setup = start(|_| {}).await;
    let mut stream = post_streaming(&setup, "text/event-stream", watch_request()).await;
    assert_eq!(stream.content_type, "text/event-stream");
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    let (name, data) = stream.event().await.expect("an event");
    assert_eq!(name, "next");
    assert_eq!(
        serde_json::from_str::<Value>(&data).expect("JSON"),
        received()
    );
    setup.feed.complete();
    assert_eq!(
        stream.event().await,
        Some(("complete".to_string(), String::new()))
    );
}

#[tokio::test]
async fn a_multipart_subscription_gets_each_event_in_a_payload_part() {
    let setup = start(|_| {}).await;
    let accept = r#"multipart/mixed;subscriptionSpec="1.0", application/json"#;
    let mut stream = post_streaming(&setup, accept, watch_request()).await;
    assert_eq!(
        stream.content_type,
        r#"multipart/mixed;boundary="graphql";subscriptionSpec="1.0""#
    );
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(stream.part().await, Some(json!({"payload": received()})));
    setup.feed.complete();
    assert_eq!(stream.part().await, None);
}

#[tokio::test]
async fn the_gateway_subscribes_over_sse_to_a_subgraph_configured_so() {
    let setup = start(|settings| {
        if let Some(unions) = settings.subscriptions.subgraphs.get_mut("unions") {
            unions.protocol = SubgraphProtocol::Sse;
        }
    })
    .await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "s1", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "s1", "type": "next", "payload": received()})
    );
    setup.feed.complete();
    assert_eq!(socket.recv().await, json!({"id": "s1", "type": "complete"}));
}

#[tokio::test]
async fn a_scoped_field_is_null_with_an_error_for_a_caller_without_the_scope() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    let query = r#"subscription { disputeChanged(regionCode: "11") { id claimant } }"#;
    socket
        .send(json!({"id": "a1", "type": "subscribe", "payload": {"query": query}}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "a1", "type": "next", "payload": {
            "data": {"disputeChanged": {"id": "d1", "claimant": null}},
            "errors": [{
                "message": "Unauthorized field or type: `Dispute.claimant` needs a scope the caller does not have",
                "path": ["disputeChanged", "claimant"],
                "extensions": {"code": "UNAUTHORIZED_FIELD_OR_TYPE"}
            }]
        }})
    );
}

#[tokio::test]
async fn a_token_the_gateway_refuses_closes_the_socket_with_4403() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::connect(&setup).await;
    socket
        .send(json!({"type": "connection_init", "payload": {"authorization": "Bearer not-a-jwt"}}))
        .await;
    assert_eq!(
        socket.recv().await,
        json!({"close": 4403, "reason": "Forbidden"})
    );
}

#[tokio::test]
async fn a_subgraph_that_dies_ends_the_subscription_with_an_error_naming_it() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "d1", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "d1", "type": "next", "payload": received()})
    );
    let _ = setup.kill_unions.send(true);
    assert_eq!(
        socket.recv().await,
        json!({"id": "d1", "type": "error", "payload": [{
            "message": "subgraph `unions` dropped the subscription's connection: WebSocket protocol error: Connection reset without closing handshake",
            "extensions": {"code": "SUBGRAPH_SUBSCRIPTION_FAILED", "serviceName": "unions"}
        }]})
    );
}

#[tokio::test]
async fn a_connection_over_its_limit_gets_an_error_for_the_extra_subscription() {
    let setup = start(|settings| settings.subscriptions.max_per_connection = 1).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "1", "type": "subscribe", "payload": watch_request()}))
        .await;
    socket
        .send(json!({"id": "2", "type": "subscribe", "payload": watch_request()}))
        .await;
    assert_eq!(
        socket.recv().await,
        json!({"id": "2", "type": "error", "payload": [{
            "message": "this connection holds 1 operations, its limit `subscriptions.max_per_connection`: complete one first",
            "extensions": {"code": "SUBSCRIPTION_LIMIT_EXCEEDED"}
        }]})
    );
}

#[tokio::test]
async fn the_gateway_over_its_total_refuses_the_next_subscription() {
    let setup = start(|settings| settings.subscriptions.max_total = 1).await;
    let mut first = Socket::ready(&setup, json!({})).await;
    first
        .send(json!({"id": "1", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    let mut stream = post_streaming(&setup, "text/event-stream", watch_request()).await;
    let (name, data) = stream.event().await.expect("an event");
    assert_eq!(name, "next");
    assert_eq!(
        serde_json::from_str::<Value>(&data).expect("JSON"),
        json!({"errors": [{
            "message": "the gateway holds 1 subscriptions, its limit `subscriptions.max_total`: try again later",
            "extensions": {"code": "SUBSCRIPTION_LIMIT_EXCEEDED"}
        }]})
    );
    assert_eq!(
        stream.event().await,
        Some(("complete".to_string(), String::new()))
    );
}

#[tokio::test]
async fn queries_run_over_the_websocket_too() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    let payload = json!({"query": r#"{ dispute(id: "d1") { id } }"#});
    socket
        .send(json!({"id": "q", "type": "subscribe", "payload": payload}))
        .await;
    assert_eq!(
        socket.recv().await,
        json!({"id": "q", "type": "next", "payload": {"data": {"dispute": null}}})
    );
    assert_eq!(socket.recv().await, json!({"id": "q", "type": "complete"}));
}

#[tokio::test]
async fn the_websocket_protocol_rules_close_the_socket_with_their_codes() {
    let setup = start(|_| {}).await;
    let mut early = Socket::connect(&setup).await;
    early
        .send(json!({"id": "1", "type": "subscribe", "payload": watch_request()}))
        .await;
    assert_eq!(
        early.recv().await,
        json!({"close": 4401, "reason": "Unauthorized"})
    );
    let mut twice = Socket::ready(&setup, json!({})).await;
    twice.send(json!({"type": "connection_init"})).await;
    assert_eq!(
        twice.recv().await,
        json!({"close": 4429, "reason": "Too many initialisation requests"})
    );
    let mut same_id = Socket::ready(&setup, json!({})).await;
    for _ in 0..2 {
        same_id
            .send(json!({"id": "x", "type": "subscribe", "payload": watch_request()}))
            .await;
    }
    assert_eq!(
        same_id.recv().await,
        json!({"close": 4409, "reason": "Subscriber for x already exists"})
    );
    let mut garbage = Socket::ready(&setup, json!({})).await;
    garbage.send(json!({"type": "nonsense"})).await;
    assert_eq!(
        garbage.recv().await,
        json!({"close": 4400, "reason": "Invalid message received"})
    );
    let mut pinging = Socket::ready(&setup, json!({})).await;
    pinging.send(json!({"type": "ping"})).await;
    assert_eq!(pinging.recv().await, json!({"type": "pong"}));
}

#[tokio::test]
async fn a_subscription_sent_as_a_plain_post_is_refused() {
    let setup = start(|_| {}).await;
    let mut stream = post_streaming(&setup, "application/json", watch_request()).await;
    let body = stream.until("\u{0}").await;
    assert_eq!(body, None);
    let value: Value = serde_json::from_str(&stream.text).expect("JSON");
    assert_eq!(
        value,
        json!({"errors": [{
            "message": "a subscription needs a streaming protocol: a WebSocket (`graphql-transport-ws`), `accept: text/event-stream` or `accept: multipart/mixed;subscriptionSpec=\"1.0\"`",
            "extensions": {"code": "BAD_REQUEST"}
        }]})
    );
}

#[tokio::test]
async fn shutdown_completes_every_subscription_and_closes_the_socket() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "s", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.registry.end_all();
    assert_eq!(socket.recv().await, json!({"id": "s", "type": "complete"}));
    assert_eq!(
        socket.recv().await,
        json!({"close": 1001, "reason": "the gateway is shutting down"})
    );
}

/// Header rules: every subgraph gets the client's `authorization` and a fixed `x-gateway`;
/// unions also gets the client's `x-tenant` as `x-org`. Nothing else of the client's passes.
fn header_rules(settings: &mut quntuan_gateway::gateway::GatewaySettings) {
    settings.headers = serde_yaml::from_str(
        r#"
all:
  request:
    - propagate: {named: authorization}
    - insert: {name: x-gateway, value: quntuan}
subgraphs:
  unions:
    request:
      - propagate: {named: x-tenant, rename: x-org}
"#,
    )
    .expect("header rules parse");
}

/// A caller's credentials and tenant, and a header no rule passes.
fn caller(bearer: &str) -> Value {
    json!({"authorization": bearer, "x-tenant": "t7", "x-private": "never sent"})
}

#[tokio::test]
async fn a_websocket_subgraph_subscription_carries_the_headers_the_rules_give() {
    let setup = start(header_rules).await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut socket = Socket::ready(&setup, caller(&bearer)).await;
    socket
        .send(json!({"id": "h1", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "h1", "type": "next", "payload": received()})
    );
    let expected = json!({"authorization": bearer, "x-gateway": "quntuan", "x-org": "t7"});
    // On the upgrade request and in the subgraph's `connection_init`, alike.
    let upgrade = setup.subgraph_headers.lock().expect("headers").clone();
    assert_eq!(upgrade, vec![expected.clone()]);
    let inits = setup.inits.lock().expect("inits").clone();
    assert_eq!(inits, vec![expected]);
}

#[tokio::test]
async fn an_sse_subgraph_subscription_carries_the_headers_the_rules_give() {
    let setup = start(|settings| {
        header_rules(settings);
        if let Some(unions) = settings.subscriptions.subgraphs.get_mut("unions") {
            unions.protocol = SubgraphProtocol::Sse;
        }
    })
    .await;
    let bearer = format!("Bearer {}", token("unions:personal"));
    let mut socket = Socket::ready(&setup, caller(&bearer)).await;
    socket
        .send(json!({"id": "h2", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "h2", "type": "next", "payload": received()})
    );
    let posted = setup.subgraph_headers.lock().expect("headers").clone();
    assert_eq!(
        posted,
        vec![json!({"authorization": bearer, "x-gateway": "quntuan", "x-org": "t7"})]
    );
}

#[tokio::test]
async fn an_sse_subgraph_that_dies_mid_stream_ends_the_client_stream_with_an_error_then_complete() {
    let setup = start(|settings| {
        if let Some(unions) = settings.subscriptions.subgraphs.get_mut("unions") {
            unions.protocol = SubgraphProtocol::Sse;
        }
    })
    .await;
    let mut stream = post_streaming(&setup, "text/event-stream", watch_request()).await;
    setup.feed.listeners(1).await;
    setup.feed.push("RECEIVED");
    let (name, data) = stream.event().await.expect("an event");
    assert_eq!(
        (name, serde_json::from_str::<Value>(&data).expect("JSON")),
        ("next".to_string(), received())
    );
    let _ = setup.kill_unions.send(true);
    let (name, data) = stream
        .event()
        .await
        .expect("the error, not a hang or a bare end");
    assert_eq!(
        (name, serde_json::from_str::<Value>(&data).expect("JSON")),
        (
            "next".to_string(),
            json!({"errors": [{
                "message": "subgraph `unions` dropped the subscription's stream: error reading a body from connection",
                "extensions": {"code": "SUBGRAPH_SUBSCRIPTION_FAILED", "serviceName": "unions"}
            }]})
        )
    );
    assert_eq!(
        stream.event().await,
        Some(("complete".to_string(), String::new()))
    );
    assert_eq!(
        stream.event().await,
        None,
        "the response ends after complete"
    );
    assert_eq!(setup.registry.open(), 0, "the subscription is released");
}

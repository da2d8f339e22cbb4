//! A schema reload meets open subscriptions, through the real gateway HTTP server: one whose
//! field the new supergraph removed ends with `SUBSCRIPTION_SCHEMA_RELOAD`, the other keeps
//! getting events.

#[path = "support/subscriptions.rs"]
mod subscriptions_support;
#[path = "support/ws_client.rs"]
mod ws_client;

use serde_json::{Value, json};
use subscriptions_support::{Setup, received, start, watch_request};
use ws_client::Socket;

/// Selects only fields the reloaded supergraph keeps.
const STEPS: &str =
    r#"subscription { disputeChanged(regionCode: "11") { id step region { name } } }"#;

/// The supergraph without `Region.openDisputes`, which `watch_request()` selects.
fn without_open_disputes(setup: &Setup) -> String {
    let line = "  openDisputes: Int! @join__field(graph: HUB)\n";
    assert!(
        setup.sdl.contains(line),
        "the fixture declares openDisputes"
    );
    setup.sdl.replace(line, "")
}

#[tokio::test]
async fn a_reload_ends_the_subscription_whose_field_is_gone_and_keeps_the_other() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "gone", "type": "subscribe", "payload": watch_request()}))
        .await;
    socket
        .send(json!({"id": "kept", "type": "subscribe", "payload": {"query": STEPS}}))
        .await;
    setup.feed.listeners(2).await;
    setup.feed.push("RECEIVED");
    let mut first = [socket.recv().await, socket.recv().await];
    first.sort_by_key(|m| m["id"].to_string());
    assert_eq!(first[0]["payload"], received());

    let reloaded = setup.handle.load(&without_open_disputes(&setup));
    assert_eq!(reloaded, Ok(true));
    let ended = socket.recv().await;
    assert_eq!(ended["id"], "gone");
    assert_eq!(ended["type"], "error");
    let error = &ended["payload"][0];
    assert_eq!(error["extensions"]["code"], "SUBSCRIPTION_SCHEMA_RELOAD");
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.starts_with(
            "the gateway's schema was reloaded and this subscription is not valid on the new one: "
        ) && message.contains("openDisputes"),
        "the message says why: {message}"
    );
    setup.subscriptions(1).await;

    setup.feed.push("MEDIATION");
    let expected: Value = json!({"data": {"disputeChanged": {
        "id": "d1", "step": "MEDIATION", "region": {"name": "北京市"}
    }}});
    assert_eq!(
        socket.recv().await,
        json!({"id": "kept", "type": "next", "payload": expected})
    );
}

#[tokio::test]
async fn a_reload_that_keeps_every_field_keeps_every_subscription() {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "w", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    // The same supergraph with a field added elsewhere: another schema, the same plan.
    let sdl = setup.sdl.replace(
        "  dispute(id: ID!): Dispute @join__field(graph: UNIONS)\n",
        "  dispute(id: ID!): Dispute @join__field(graph: UNIONS)\n  disputes: [Dispute!]! @join__field(graph: UNIONS)\n",
    );
    assert_ne!(sdl, setup.sdl);
    assert_eq!(setup.handle.load(&sdl), Ok(true));
    setup.feed.push("RECEIVED");
    assert_eq!(
        socket.recv().await,
        json!({"id": "w", "type": "next", "payload": received()})
    );
    assert_eq!(setup.registry.open(), 1);
}

//! A schema reload meets open subscriptions, through the real gateway HTTP server: one whose
//! field the new supergraph removed ends with `SUBSCRIPTION_SCHEMA_RELOAD`, the other keeps
//! getting events, now shaped and authorized by the new schema; one whose subgraph operation
//! the new schema changes ends with the same code.

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
    assert_eq!(
        socket.recv().await,
        json!({"id": "gone", "type": "error", "payload": [{
            "message": "the gateway's schema was reloaded and this subscription ends: it is not valid on the new one: type `Region` does not have a field `openDisputes`. Subscribe again with an operation the new schema accepts",
            "extensions": {"code": "SUBSCRIPTION_SCHEMA_RELOAD"}
        }]})
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

/// A gateway with one client watching disputes under id `w`, its subgraph subscription open.
async fn watching() -> (Setup, Socket) {
    let setup = start(|_| {}).await;
    let mut socket = Socket::ready(&setup, json!({})).await;
    socket
        .send(json!({"id": "w", "type": "subscribe", "payload": watch_request()}))
        .await;
    setup.feed.listeners(1).await;
    (setup, socket)
}

/// The supergraph with `@requiresScopes` added to `field_line` (a line of the fixture).
fn scoped(setup: &Setup, field_line: &str) -> String {
    assert!(
        setup.sdl.contains(field_line),
        "the fixture declares {field_line}"
    );
    let scoped = field_line.replace('\n', r#" @requiresScopes(scopes: [["reports:read"]])"#) + "\n";
    setup.sdl.replace(field_line, &scoped)
}

#[tokio::test]
async fn events_after_a_reload_run_on_the_new_schema() {
    let (setup, mut socket) = watching().await;
    setup.feed.push("RECEIVED");
    assert_eq!(socket.recv().await["payload"], received());
    // A field of another subgraph now needs a scope the caller lacks: the subgraph
    // subscription stays the same, and the next event is cut by the new schema's rules.
    let sdl = scoped(&setup, "  openDisputes: Int! @join__field(graph: HUB)\n");
    assert_eq!(setup.handle.load(&sdl), Ok(true));
    setup.feed.push("MEDIATION");
    assert_eq!(
        socket.recv().await,
        json!({"id": "w", "type": "next", "payload": {
            "data": null,
            "errors": [{
                "message": "Unauthorized field or type: `Region.openDisputes` needs a scope the caller does not have",
                "path": ["disputeChanged", "region", "openDisputes"],
                "extensions": {"code": "UNAUTHORIZED_FIELD_OR_TYPE"}
            }]
        }})
    );
    assert_eq!(setup.registry.open(), 1);
    assert_eq!(setup.feed.count(), 1, "the same subgraph subscription");
}

#[tokio::test]
async fn a_reload_that_changes_the_subgraph_subscription_ends_it_with_the_reload_code() {
    let (setup, mut socket) = watching().await;
    // `step` is the subscribed subgraph's own field: cut for this caller, the subgraph
    // operation changes, so the caller must subscribe again rather than keep the old rules.
    let sdl = scoped(&setup, "  step: String!\n");
    assert_eq!(setup.handle.load(&sdl), Ok(true));
    let ended = socket.recv().await;
    assert_eq!(
        ended,
        json!({"id": "w", "type": "error", "payload": [{
            "message": "the gateway's schema was reloaded and this subscription ends: it needs another subscription of subgraph `unions` on the new one. Subscribe again with an operation the new schema accepts",
            "extensions": {"code": "SUBSCRIPTION_SCHEMA_RELOAD"}
        }]})
    );
    setup.subscriptions(0).await;
}

#[tokio::test]
async fn a_reload_that_keeps_every_field_keeps_every_subscription() {
    let (setup, mut socket) = watching().await;
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

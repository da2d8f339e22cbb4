//! The `subscriptions` settings: limits, buffers, heartbeats, and how each subgraph is
//! subscribed to.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// Subscriptions: limits and buffers on the client side, the protocol on the subgraph side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SubscriptionSettings {
    /// Serve subscriptions at all; off, a subscription is refused (`BAD_REQUEST`).
    pub enabled: bool,
    /// Subscriptions one WebSocket connection may hold at once.
    pub max_per_connection: usize,
    /// Subscriptions the gateway holds at once, over every connection and protocol.
    pub max_total: usize,
    /// Events kept for a client that reads slower than they arrive; beyond it the oldest is
    /// dropped (and counted in `quntuan_subscription_events_dropped_total`).
    pub buffer_size: usize,
    /// How often a quiet subscription sends a heartbeat: a WebSocket ping, an SSE comment, a
    /// multipart `{}` part, in milliseconds.
    pub heartbeat_ms: u64,
    /// How long a subgraph may take to accept a subscription (connect, `connection_ack`), in
    /// milliseconds.
    pub subgraph_connect_timeout_ms: u64,
    /// The protocol of subgraphs not named in `subgraphs`.
    pub protocol: SubgraphProtocol,
    /// Per subgraph name: its protocol and, when it differs from the subgraph's URL, where
    /// subscriptions go.
    pub subgraphs: BTreeMap<String, SubgraphSubscription>,
    /// Identical subscriptions (same subgraph, operation, variables and propagated headers)
    /// share one subgraph subscription, each client getting every event. Off by default: a
    /// client that joins a shared subscription misses what the subgraph sent before it joined,
    /// which matters to subgraphs that open a stream with a snapshot.
    pub deduplicate: bool,
}

impl Default for SubscriptionSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            max_per_connection: 100,
            max_total: 10_000,
            buffer_size: 64,
            heartbeat_ms: 5_000,
            subgraph_connect_timeout_ms: 5_000,
            protocol: SubgraphProtocol::default(),
            subgraphs: BTreeMap::new(),
            deduplicate: false,
        }
    }
}

impl SubscriptionSettings {
    pub fn heartbeat(&self) -> Duration {
        Duration::from_millis(self.heartbeat_ms.max(1))
    }

    pub fn connect_timeout(&self) -> Duration {
        Duration::from_millis(self.subgraph_connect_timeout_ms.max(1))
    }

    /// How subgraph `name` is subscribed to.
    pub fn for_subgraph(&self, name: &str) -> SubgraphSubscription {
        self.subgraphs
            .get(name)
            .cloned()
            .unwrap_or(SubgraphSubscription {
                protocol: self.protocol,
                url: None,
            })
    }

    /// Refuses values that cannot work, naming the key.
    pub fn validate(&self) -> Result<(), (String, String)> {
        for (key, value) in [
            ("max_per_connection", self.max_per_connection),
            ("max_total", self.max_total),
            ("buffer_size", self.buffer_size),
        ] {
            if value == 0 {
                return Err((format!("subscriptions.{key}"), "must be at least 1".into()));
            }
        }
        for (key, value) in [
            ("heartbeat_ms", self.heartbeat_ms),
            (
                "subgraph_connect_timeout_ms",
                self.subgraph_connect_timeout_ms,
            ),
        ] {
            if value == 0 {
                return Err((
                    format!("subscriptions.{key}"),
                    "must be at least 1 (milliseconds)".into(),
                ));
            }
        }
        for (name, subgraph) in &self.subgraphs {
            if let Some(url) = &subgraph.url {
                let scheme_ok = ["ws://", "wss://", "http://", "https://"]
                    .iter()
                    .any(|scheme| url.starts_with(scheme));
                if !scheme_ok || url.parse::<http::Uri>().is_err() {
                    return Err((
                        format!("subscriptions.subgraphs.{name}.url"),
                        format!("`{url}` is not a ws://, wss://, http:// or https:// URL"),
                    ));
                }
            }
        }
        Ok(())
    }
}

/// How the gateway subscribes to one subgraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubgraphSubscription {
    #[serde(default)]
    pub protocol: SubgraphProtocol,
    /// Where subscriptions go; by default the subgraph's URL (`http` becoming `ws` for
    /// WebSocket).
    #[serde(default)]
    pub url: Option<String>,
}

/// The protocol the gateway speaks to a subgraph for subscriptions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SubgraphProtocol {
    /// GraphQL over WebSocket, `graphql-transport-ws`: one connection per subscription.
    #[default]
    Websocket,
    /// GraphQL over Server-Sent Events, distinct connections mode: one POST per subscription.
    Sse,
}

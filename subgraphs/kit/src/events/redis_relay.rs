//! The Redis side of the bus: `PUBLISH` on one channel per topic under `quntuan:events:`,
//! and one `PSUBSCRIBE quntuan:events:*` per process relaying what arrives to the local
//! subscribers. The relay reconnects after a lost connection; pub/sub keeps nothing, so
//! events published while it was away are not seen by this replica (logged).

use std::time::Duration;

use futures::StreamExt;
use redis::AsyncCommands;
use redis::aio::ConnectionManager;
use tokio::sync::broadcast;

use super::Event;
use crate::error::KitError;

const PREFIX: &str = "quntuan:events:";

/// How long the relay waits before subscribing again after Redis dropped it.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

pub(super) struct Publisher {
    connection: ConnectionManager,
}

impl Publisher {
    pub(super) async fn publish(&self, event: &Event) {
        let channel = format!("{PREFIX}{}", event.topic);
        let message = match serde_json::to_string(event) {
            Ok(message) => message,
            Err(error) => {
                tracing::error!(topic = %event.topic, %error, "an event did not serialise; not published");
                return;
            }
        };
        let mut connection = self.connection.clone();
        if let Err(error) = connection.publish::<_, _, i64>(&channel, message).await {
            tracing::error!(topic = %event.topic, %error, "Redis refused an event; the committed write stands, its event is lost");
        }
    }
}

/// Connects the publisher and starts the relay; returns once the relay is subscribed, so
/// an event published right after is relayed.
pub(super) async fn start(
    url: &str,
    local: broadcast::Sender<Event>,
) -> Result<Publisher, KitError> {
    let failed = |source| KitError::EventBus {
        url: url.to_string(),
        source,
    };
    let client = redis::Client::open(url).map_err(failed)?;
    let connection = ConnectionManager::new(client.clone())
        .await
        .map_err(failed)?;
    let mut pubsub = client.get_async_pubsub().await.map_err(failed)?;
    pubsub
        .psubscribe(format!("{PREFIX}*"))
        .await
        .map_err(failed)?;
    tokio::spawn(relay(client, pubsub, local.downgrade()));
    Ok(Publisher { connection })
}

/// Forwards every message of the subscription to the local subscribers, subscribing
/// again whenever Redis drops the connection.
/// Ends once the bus is gone (every clone of its sender dropped).
async fn relay(
    client: redis::Client,
    first: redis::aio::PubSub,
    local: broadcast::WeakSender<Event>,
) {
    let mut pubsub = Some(first);
    loop {
        if let Some(subscription) = pubsub.take() {
            let mut messages = subscription.into_on_message();
            while let Some(message) = messages.next().await {
                match serde_json::from_slice::<Event>(message.get_payload_bytes()) {
                    Ok(event) => match local.upgrade() {
                        Some(local) => {
                            let _ = local.send(event);
                        }
                        None => return,
                    },
                    Err(error) => tracing::warn!(
                        channel = message.get_channel_name(),
                        %error,
                        "a Redis event message was not understood; skipped"
                    ),
                }
            }
            tracing::warn!("the Redis event subscription ended; subscribing again");
        }
        tokio::time::sleep(RECONNECT_AFTER).await;
        if local.upgrade().is_none() {
            return;
        }
        match client.get_async_pubsub().await {
            Ok(mut fresh) => match fresh.psubscribe(format!("{PREFIX}*")).await {
                Ok(()) => pubsub = Some(fresh),
                Err(error) => tracing::warn!(%error, "subscribing to Redis events failed"),
            },
            Err(error) => tracing::warn!(%error, "connecting to Redis for events failed"),
        }
    }
}

//! The Redis side of the bus: `PUBLISH` on one channel per topic (`{namespace}events:{topic}`),
//! and one `PSUBSCRIBE {namespace}events:*` per process relaying what arrives to the local
//! subscribers. The relay reconnects after a lost connection; pub/sub keeps nothing, so
//! events published while it was away are not seen by this replica's subscriptions (logged).
//! A topic of a [`Feed`](super::feed::Feed) is also appended to that feed's stream first
//! (`redis_stream`), which its followers read durably.

use std::time::Duration;

use futures::StreamExt;
use redis::AsyncCommands;
use redis::aio::ConnectionManager;
use tokio::sync::broadcast;

use super::Event;
use super::feed::Feed;
use super::redis_stream;
use crate::error::KitError;

/// How long the relay waits before subscribing again after Redis dropped it.
const RECONNECT_AFTER: Duration = Duration::from_secs(1);

pub(super) struct Publisher {
    connection: ConnectionManager,
    client: redis::Client,
    namespace: String,
}

impl Publisher {
    /// Appends `event` to its feed's stream (when its topic has one), then publishes it.
    pub(super) async fn publish(&self, event: &Event) {
        let message = match serde_json::to_string(event) {
            Ok(message) => message,
            Err(error) => {
                tracing::error!(topic = %event.topic, %error, "an event did not serialise; not published");
                return;
            }
        };
        if let Some(feed) = Feed::of_topic(&event.topic) {
            let key = feed.key(&self.namespace);
            redis_stream::append(&self.connection, &key, &event.topic, &message).await;
        }
        let channel = channel(&self.namespace, &event.topic);
        let mut connection = self.connection.clone();
        if let Err(error) = connection.publish::<_, _, i64>(&channel, message).await {
            tracing::error!(topic = %event.topic, %error, "Redis refused an event; the committed write stands, its subscribers miss the event");
        }
    }

    /// A client for connections of their own (a follower's blocking reads).
    pub(super) fn client(&self) -> &redis::Client {
        &self.client
    }

    pub(super) fn namespace(&self) -> &str {
        &self.namespace
    }
}

fn channel(namespace: &str, topic: &str) -> String {
    format!("{namespace}events:{topic}")
}

/// Connects the publisher and starts the relay; returns once the relay is subscribed, so
/// an event published right after is relayed.
pub(super) async fn start(
    url: &str,
    namespace: &str,
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
    let pattern = channel(namespace, "*");
    let mut pubsub = client.get_async_pubsub().await.map_err(failed)?;
    pubsub.psubscribe(&pattern).await.map_err(failed)?;
    tokio::spawn(relay(client.clone(), pattern, pubsub, local.downgrade()));
    Ok(Publisher {
        connection,
        client,
        namespace: namespace.to_string(),
    })
}

/// Forwards every message of the subscription to the local subscribers, subscribing
/// again whenever Redis drops the connection.
/// Ends once the bus is gone (every clone of its sender dropped).
async fn relay(
    client: redis::Client,
    pattern: String,
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
            Ok(mut fresh) => match fresh.psubscribe(&pattern).await {
                Ok(()) => pubsub = Some(fresh),
                Err(error) => tracing::warn!(%error, "subscribing to Redis events failed"),
            },
            Err(error) => tracing::warn!(%error, "connecting to Redis for events failed"),
        }
    }
}

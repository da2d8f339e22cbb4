//! Feeds: topics a follower (hub's directory) must apply at least once, even the events
//! published while it was down.
//!
//! - In process ([`EventBus::in_process`]) a follower subscribes to the feed's topics: the
//!   publishers run in its process, so it is up whenever they publish.
//! - With Redis, publishing a feed's topic first appends the event to the feed's stream
//!   (`{namespace}stream:{feed}`, `XADD` with `MAXLEN ~` [`STREAM_MAX_LEN`]), then publishes it
//!   on pub/sub as any topic. A follower reads the stream in a consumer group (`XREADGROUP`),
//!   applies each entry and acknowledges it (`XACK`) only once `apply` has returned, so an
//!   entry delivered to a follower that stopped before applying it stays pending and is
//!   delivered again: on start and after a lost connection a follower first re-reads its own
//!   pending entries, and entries another consumer of its group left unacknowledged for
//!   [`Follower::claim_after`] are claimed (`XAUTOCLAIM`), so a replica that never comes back
//!   under its name does not keep them. A group created on a stream that already holds
//!   entries reads them all (it starts at `0`).
//!
//! What is still lost (at most once, logged): an event whose publisher stops between the
//! commit of its transaction and the `XADD` (or whose `XADD` Redis refuses three times), and
//! an entry trimmed by `MAXLEN` before the group read it (a follower down for longer than
//! [`STREAM_MAX_LEN`] events). A transactional outbox (the event inserted in the write's own
//! transaction, then appended by a relay) would close the first gap; it needs an outbox table
//! in every publishing organisation's database and a relay per subgraph.
//!
//! Buses of one namespace share their streams' groups, so two deployments on one Redis
//! database would split a feed's entries between their followers: give each deployment its
//! own database (or namespace, [`EventBus::redis_in`]).
//!
//! A consumer stays in its group once it has read (Redis keeps it, without entries, when
//! its replica is gone for good): name consumers after something stable, such as the host.
//!
//! Delivery is at least once, so `apply` must be idempotent (hub upserts by id), and an entry
//! delivered again may come after newer ones: a feed suits facts that do not change once
//! published (a unit registered, an activity recorded).

use std::sync::Arc;
use std::time::Duration;

use futures::StreamExt;
use tokio::task::JoinHandle;

use super::{Event, EventBus, directory, redis_stream};
use crate::service::BoxFuture;

/// Entries a feed's stream keeps (approximately) before Redis trims the oldest.
pub const STREAM_MAX_LEN: usize = 100_000;

/// How long an entry stays with a consumer that has not acknowledged it before another
/// consumer of the group claims it, by default.
pub const CLAIM_AFTER: Duration = Duration::from_secs(60);

/// A named set of topics kept in a stream when the bus goes through Redis.
#[derive(Debug)]
pub struct Feed {
    pub name: &'static str,
    pub topics: &'static [&'static str],
}

/// Every feed: publishing one of their topics appends to their stream.
const FEEDS: &[&Feed] = &[&directory::FEED];

impl Feed {
    /// The feed `topic` belongs to, if any.
    pub fn of_topic(topic: &str) -> Option<&'static Feed> {
        FEEDS
            .iter()
            .copied()
            .find(|feed| feed.topics.contains(&topic))
    }

    /// The Redis key of this feed's stream under `namespace`.
    pub fn key(&self, namespace: &str) -> String {
        format!("{namespace}stream:{}", self.name)
    }
}

/// Who reads a feed: its consumer group (one per application, e.g. `hub`), this replica's
/// name in it, and how long another consumer's unacknowledged entries wait before this one
/// takes them over.
#[derive(Clone, Debug)]
pub struct Follower {
    pub group: String,
    pub consumer: String,
    pub claim_after: Duration,
}

impl Follower {
    /// `consumer` in `group`, claiming others' entries after [`CLAIM_AFTER`].
    pub fn new(group: &str, consumer: &str) -> Follower {
        Follower {
            group: group.to_string(),
            consumer: consumer.to_string(),
            claim_after: CLAIM_AFTER,
        }
    }
}

/// What a follower does with an event; the entry is acknowledged once the future is done,
/// so it must return only when the effect has committed (or the event is to be skipped).
pub type Apply = Arc<dyn Fn(Event) -> BoxFuture<'static, ()> + Send + Sync>;

/// A running follower. Dropping it leaves it running; [`Following::stop`] ends it, leaving
/// an entry it was applying unacknowledged (as a crash would).
#[derive(Debug)]
pub struct Following {
    task: JoinHandle<()>,
}

impl Following {
    pub fn stop(self) {
        self.task.abort();
    }
}

impl EventBus {
    /// Applies the events of `feed` with `apply`, one at a time, in a background task, at
    /// least once each (module docs). In process, it subscribes before returning, so
    /// nothing published after this call is missed; with Redis, it also applies what was
    /// published before, since the group was created. Needs a tokio runtime.
    pub fn follow(&self, feed: &'static Feed, follower: Follower, apply: Apply) -> Following {
        let task = match &self.redis {
            Some(redis) => tokio::spawn(redis_stream::follow(
                redis.client().clone(),
                feed.key(redis.namespace()),
                follower,
                apply,
            )),
            None => {
                let topics = feed.topics;
                let mut events = Box::pin(
                    self.subscribe_all()
                        .filter(move |event| std::future::ready(topics.contains(&&*event.topic))),
                );
                tokio::spawn(async move {
                    while let Some(event) = events.next().await {
                        apply(event).await;
                    }
                })
            }
        };
        Following { task }
    }
}

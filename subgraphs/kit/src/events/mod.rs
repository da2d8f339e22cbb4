//! The subgraphs' event bus: what a mutation changed, published after its transaction
//! commits, for the subgraph's subscriptions and for hub's directory.
//!
//! 1. A mutation runs its statements through [`write_and_publish`]: the transaction's work
//!    returns its value and the events it caused; they are published only once the
//!    transaction has committed, so a refused or rolled-back write (or a retried attempt)
//!    publishes nothing.
//! 2. In one process the bus is a tokio broadcast channel ([`EventBus::in_process`]); with a
//!    Redis URL (`QUNTUAN_REDIS_URL`, [`EventBus::from_env`]) events go through Redis
//!    pub/sub, so every replica of a subgraph (and hub) receives what any replica published.
//!    Pub/sub keeps nothing: a subscriber that is away misses what is published meanwhile,
//!    which suits live subscriptions. The topics of a [`Feed`] (hub's directory) are also
//!    kept in a Redis stream that its followers read at least once ([`EventBus::follow`]).
//! 3. An event names what changed (ids, region, status), never personal data: a subscription
//!    loads the record when it answers, under the caller's scopes, and Redis never holds a
//!    claimant's name.

mod feed;
mod redis_relay;
mod redis_stream;

use std::sync::Arc;

use async_graphql::Context;
use futures::{Stream, StreamExt};
use sea_orm::{DatabaseConnection, DatabaseTransaction, DbErr};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::error::KitError;
use crate::service::BoxFuture;
use crate::write::{Transient, write_transaction};

pub mod directory;

pub use feed::{Apply, CLAIM_AFTER, Feed, Follower, Following, STREAM_MAX_LEN};

/// The prefix of the bus's Redis keys and channels unless told otherwise.
pub const REDIS_NAMESPACE: &str = "quntuan:";

/// Events kept for a subscriber slower than the publishers before the oldest are dropped
/// (and logged); a subscription reads them as fast as its socket takes them.
const CAPACITY: usize = 1024;

/// One change: a topic (`unions.laborDispute`, `directory.unit`, ...) and its JSON payload.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub topic: String,
    pub payload: serde_json::Value,
}

impl Event {
    /// `payload` serialised under `topic`; a payload that does not serialise (none of the
    /// kit's event types can fail) becomes `null` rather than failing the committed write.
    pub fn new(topic: &str, payload: &impl Serialize) -> Event {
        Event {
            topic: topic.to_string(),
            payload: serde_json::to_value(payload).unwrap_or(serde_json::Value::Null),
        }
    }
}

/// The bus a subgraph publishes to and subscribes on. Cloning shares it.
#[derive(Clone)]
pub struct EventBus {
    local: broadcast::Sender<Event>,
    redis: Option<Arc<redis_relay::Publisher>>,
}

impl std::fmt::Debug for EventBus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EventBus")
            .field("redis", &self.redis.is_some())
            .finish()
    }
}

impl Default for EventBus {
    fn default() -> Self {
        EventBus::in_process()
    }
}

impl EventBus {
    /// A bus for this process only (tests, `quntuan dev`, one replica without Redis).
    pub fn in_process() -> EventBus {
        EventBus {
            local: broadcast::channel(CAPACITY).0,
            redis: None,
        }
    }

    /// A bus shared through the Redis at `url`: publishing goes to Redis, and a relay task
    /// forwards every event Redis delivers (this replica's own included) to the local
    /// subscribers, so each event reaches each subscriber once. Needs a tokio runtime.
    pub async fn redis(url: &str) -> Result<EventBus, KitError> {
        EventBus::redis_in(url, REDIS_NAMESPACE).await
    }

    /// [`EventBus::redis`] with its channels and streams under `namespace` instead of
    /// [`REDIS_NAMESPACE`]: buses of different namespaces do not see each other (tests, or
    /// two deployments on one Redis).
    pub async fn redis_in(url: &str, namespace: &str) -> Result<EventBus, KitError> {
        let local = broadcast::channel(CAPACITY).0;
        let publisher = redis_relay::start(url, namespace, local.clone()).await?;
        Ok(EventBus {
            local,
            redis: Some(Arc::new(publisher)),
        })
    }

    /// Through Redis when `QUNTUAN_REDIS_URL` is set (and not empty), in process otherwise.
    pub async fn from_env() -> Result<EventBus, KitError> {
        match std::env::var("QUNTUAN_REDIS_URL") {
            Ok(url) if !url.trim().is_empty() => EventBus::redis(url.trim()).await,
            _ => Ok(EventBus::in_process()),
        }
    }

    /// The bus a schema was built with (`.data(bus)`); a bus of its own when it was built
    /// without one, so publishing never fails for want of a subscriber.
    pub fn of(ctx: &Context<'_>) -> EventBus {
        ctx.data_opt::<EventBus>()
            .cloned()
            .unwrap_or_else(EventBus::in_process)
    }

    /// Publishes committed events, in order; with Redis, an event of a [`Feed`] is appended
    /// to the feed's stream first. A Redis that does not take one is logged with the topic:
    /// the write it describes has committed and stands.
    pub async fn publish(&self, events: Vec<Event>) {
        for event in events {
            match &self.redis {
                Some(redis) => redis.publish(&event).await,
                None => {
                    // No receiver is not an error: nobody is subscribed right now.
                    let _ = self.local.send(event);
                }
            }
        }
    }

    /// Every event on `topic` published from now on. A subscriber that falls more than
    /// the channel's capacity behind loses the oldest, logged with their number.
    pub fn subscribe(&self, topic: &str) -> impl Stream<Item = Event> + Send + use<> {
        let topic = topic.to_string();
        self.subscribe_all()
            .filter(move |event| std::future::ready(event.topic == topic))
    }

    /// Every event published from now on, whatever its topic.
    fn subscribe_all(&self) -> impl Stream<Item = Event> + Send + use<> {
        let receiver = self.local.subscribe();
        futures::stream::unfold(receiver, |mut receiver| async move {
            loop {
                match receiver.recv().await {
                    Ok(event) => return Some((event, receiver)),
                    Err(broadcast::error::RecvError::Lagged(missed)) => {
                        tracing::warn!(missed, "an event subscriber fell behind; events dropped");
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                }
            }
        })
    }

    /// [`EventBus::subscribe`] with each payload read as `T`; payloads of another shape
    /// (a newer publisher) are logged and skipped.
    pub fn subscribe_to<T>(&self, topic: &str) -> impl Stream<Item = T> + Send + use<T>
    where
        T: for<'de> Deserialize<'de> + Send + 'static,
    {
        self.subscribe(topic).filter_map(|event| {
            let parsed = serde_json::from_value::<T>(event.payload)
                .inspect_err(|error| {
                    tracing::warn!(topic = %event.topic, %error, "an event's payload was not understood; skipped");
                })
                .ok();
            std::future::ready(parsed)
        })
    }
}

/// What a write's transaction returns: its value and the events to publish once it commits.
pub struct Committed<T> {
    pub value: T,
    pub events: Vec<Event>,
}

impl<T> Committed<T> {
    pub fn new(value: T, events: Vec<Event>) -> Committed<T> {
        Committed { value, events }
    }
}

/// [`write_transaction`], then the events of the attempt that committed published on
/// `bus`. Attempts rolled back (refused, or retried after a concurrent writer) publish
/// nothing, since their events are dropped with their result.
pub async fn write_and_publish<T, E, F>(
    db: &DatabaseConnection,
    bus: &EventBus,
    operation: &str,
    work: F,
) -> Result<T, E>
where
    F: for<'t> Fn(&'t DatabaseTransaction) -> BoxFuture<'t, Result<Committed<T>, E>>,
    E: From<DbErr> + Transient,
{
    let committed = write_transaction(db, operation, work).await?;
    bus.publish(committed.events).await;
    Ok(committed.value)
}

/// Whether a record in `codes` (its community or street, street, district) is in the
/// region `filter` names (and below it); no filter matches everything, and the city
/// (`510100`, the root of the tree) contains every record.
pub fn in_region(filter: Option<&str>, codes: [&str; 3]) -> bool {
    match filter {
        None => true,
        Some(code) => code == crate::region::CITY_CODE || codes.contains(&code),
    }
}

/// An event about a record of a region, which a subscription's `regionCode` keeps or drops.
pub trait Located {
    /// The record's community (or street), street and district codes.
    fn region_codes(&self) -> [&str; 3];
}

/// The body of a subscription field with a `regionCode` argument: the events of `topic`
/// (their payloads read as `T`) about records in the region `region_code` and below (every
/// region without it), each answered with what `load(db, event)` reads, e.g. the record it
/// names as the caller may see it. An unknown code is refused when subscribing.
///
/// ```ignore
/// subscribe_in_region(ctx, db(ctx)?, ASSISTANCE_TOPIC, region_code, |db, recorded: AssistanceRecorded| async move {
///     let row = events::assistance(&db, &recorded.assistance_id).await?;
///     row.map(RightsAssistance).ok_or_else(|| ApiError::not_found("rights assistance", &recorded.assistance_id))
/// })
/// ```
pub fn subscribe_in_region<T, R, F, Fut>(
    ctx: &Context<'_>,
    db: &DatabaseConnection,
    topic: &str,
    region_code: Option<String>,
    load: F,
) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<R>> + Send + use<T, R, F, Fut>>
where
    T: for<'de> Deserialize<'de> + Located + Send + 'static,
    F: Fn(DatabaseConnection, T) -> Fut + Send + 'static,
    Fut: std::future::Future<Output = crate::ApiResult<R>> + Send + 'static,
    R: Send + 'static,
{
    let region_code = region_argument(region_code)?;
    let db = db.clone();
    let events = EventBus::of(ctx)
        .subscribe_to::<T>(topic)
        .filter(move |event| {
            std::future::ready(in_region(region_code.as_deref(), event.region_codes()))
        });
    Ok(events.then(move |event| {
        let loaded = load(db.clone(), event);
        async move { Ok(loaded.await?) }
    }))
}

/// A subscription's `regionCode` argument checked against the region tree, as the lists
/// check theirs: an unknown code is a `BAD_USER_INPUT` when subscribing, not a silent
/// subscription that never delivers.
pub fn region_argument(code: Option<String>) -> crate::ApiResult<Option<String>> {
    match code {
        Some(code) if crate::RegionScope::of(&code).is_none() => Err(crate::ApiError::bad_input(
            format!("`regionCode` `{code}` is not a region code of the tree"),
        )),
        other => Ok(other),
    }
}

#[cfg(test)]
mod tests;

/// Declares an event payload about a record of a region: the struct with the given fields
/// and then the record's `region_code`, `street_code` and `district_code` (serialized in
/// camelCase, in that order), its `region_codes()` and its [`Located`] impl, so a
/// subscription's `regionCode` can keep or drop it. The crate's serde derives it (every
/// subgraph depends on serde).
///
/// ```ignore
/// quntuan_kit::located_event! {
///     /// A case was received (`seq` 1) or moved to `status` by its step `seq`.
///     pub struct DisputeChanged {
///         pub dispute_id: String,
///         pub seq: i32,
///     }
/// }
/// ```
#[macro_export]
macro_rules! located_event {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident {
            $($(#[$field_meta:meta])* $field_vis:vis $field:ident: $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        $vis struct $name {
            $($(#[$field_meta])* $field_vis $field: $ty,)*
            $vis region_code: String,
            $vis street_code: String,
            $vis district_code: String,
        }

        impl $name {
            /// The record's community (or street), street and district codes.
            #[allow(dead_code, reason = "a crate may use the trait's instead")]
            $vis fn region_codes(&self) -> [&str; 3] {
                [&self.region_code, &self.street_code, &self.district_code]
            }
        }

        impl $crate::events::Located for $name {
            fn region_codes(&self) -> [&str; 3] {
                $name::region_codes(self)
            }
        }
    };
}

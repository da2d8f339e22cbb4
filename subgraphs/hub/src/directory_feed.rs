//! Keeps the shared directory current: the organisations' mutations publish the directory
//! row of each unit they register and each activity they record (`kit::events::directory`),
//! and hub upserts it.
//!
//! Transport: the shared event bus rather than hub subscribing to each organisation's
//! GraphQL subscriptions. Under `quntuan dev` and in the end-to-end tests the six subgraphs
//! run in one process and share an in-process bus; deployed, they share it through Redis
//! (`QUNTUAN_REDIS_URL`). Hub thus needs neither the organisations' URLs nor a token to
//! subscribe with, nor a reconnect loop per subgraph, and the payload is public directory
//! data, so nothing personal crosses the bus.
//!
//! Delivery, at least once:
//! - With Redis the directory topics are a durable feed (`kit::events::Feed`): each event is
//!   also appended to a Redis stream, which hub reads in the consumer group `hub`. An entry
//!   is acknowledged only once its upsert has committed, so events published while hub was
//!   down or disconnected, and an event hub read but did not apply before it stopped, are
//!   applied when it is back (its own pending entries first; entries a replica under another
//!   name left pending are claimed after a minute).
//! - In process, hub subscribes when its router is built, in the process that runs the
//!   publishers, so it is up whenever they publish.
//!
//! Each event is upserted by id, so a repeat is harmless, and a failed upsert is retried
//! with backoff until it succeeds. Still lost, and logged by the publisher: an event whose
//! publisher stops between its commit and the `XADD`, and entries Redis trimmed (past
//! `kit::events::STREAM_MAX_LEN`) before hub read them; the seed does not backfill them.

use std::sync::Arc;
use std::time::Duration;

use quntuan_kit::events::directory::{
    ACTIVITY_TOPIC, ActivityRecorded, FEED, UNIT_TOPIC, UnitRegistered,
};
use quntuan_kit::events::{Follower, Following};
use quntuan_kit::{Event, EventBus};
use sea_orm::{DatabaseConnection, DbErr};

use crate::service::directory_upserts::{upsert_activity, upsert_unit};

/// Hub's consumer group on the directory feed: its replicas share the entries.
pub const GROUP: &str = "hub";

/// The longest wait between two attempts of one upsert.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

enum Entry {
    Unit(UnitRegistered),
    Activity(ActivityRecorded),
}

/// Starts applying the directory events in a background task (see the module docs); in
/// process, nothing published after this call is missed. Needs a tokio runtime.
pub fn follow(db: DatabaseConnection, events: &EventBus) -> Following {
    events.follow(
        &FEED,
        follower(),
        Arc::new(move |event| {
            let db = db.clone();
            Box::pin(async move {
                if let Some(entry) = entry(event) {
                    apply(&db, &entry).await;
                }
            })
        }),
    )
}

/// This replica in the group: named after its host (`HOSTNAME`: a container's or a pod's
/// name), so a restarted replica on the same host re-reads what it had not applied; `hub`
/// when the variable is not set.
pub fn follower() -> Follower {
    let consumer = std::env::var("HOSTNAME")
        .ok()
        .filter(|name| !name.trim().is_empty())
        .unwrap_or_else(|| GROUP.to_string());
    Follower::new(GROUP, consumer.trim())
}

/// The directory row an event carries; `None` (logged) for a payload of another shape,
/// which would not be understood on a second reading either.
fn entry(event: Event) -> Option<Entry> {
    let parsed = match event.topic.as_str() {
        UNIT_TOPIC => serde_json::from_value(event.payload).map(Entry::Unit),
        ACTIVITY_TOPIC => serde_json::from_value(event.payload).map(Entry::Activity),
        _ => return None,
    };
    parsed
        .inspect_err(|error| {
            tracing::warn!(topic = %event.topic, %error, "a directory event's payload was not understood; skipped");
        })
        .ok()
}

/// Upserts `entry`, retrying until the database takes it.
async fn apply(db: &DatabaseConnection, entry: &Entry) {
    let mut wait = Duration::from_millis(100);
    loop {
        let (id, outcome): (&str, Result<(), DbErr>) = match entry {
            Entry::Unit(unit) => (&unit.id, upsert_unit(db, unit).await),
            Entry::Activity(activity) => (&activity.id, upsert_activity(db, activity).await),
        };
        match outcome {
            Ok(()) => return,
            Err(error) => {
                tracing::warn!(id, %error, ?wait, "writing a directory row from an event failed; retrying");
                tokio::time::sleep(wait).await;
                wait = (wait * 2).min(MAX_BACKOFF);
            }
        }
    }
}

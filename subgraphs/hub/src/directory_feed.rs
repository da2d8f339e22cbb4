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
//! Delivery: each event is upserted by id (idempotent, so a repeat is harmless), and a
//! failed upsert is retried with backoff until it succeeds, so every event hub receives is
//! applied at least once. What the bus does not hold is not replayed: an event published
//! while hub was down (or, with Redis, disconnected) is not seen; the seed and a restart of
//! hub do not backfill it (see the report of issue 17 point 5).

use std::time::Duration;

use futures::StreamExt;
use quntuan_kit::EventBus;
use quntuan_kit::events::directory::{
    ACTIVITY_TOPIC, ActivityRecorded, UNIT_TOPIC, UnitRegistered,
};
use sea_orm::{DatabaseConnection, DbErr};

use crate::service::directory_upserts::{upsert_activity, upsert_unit};

/// The longest wait between two attempts of one upsert.
const MAX_BACKOFF: Duration = Duration::from_secs(30);

enum Entry {
    Unit(UnitRegistered),
    Activity(ActivityRecorded),
}

/// Subscribes now (so nothing published after this call is missed) and applies the events
/// in a background task for as long as the bus lives. Needs a tokio runtime.
pub fn follow(db: DatabaseConnection, events: &EventBus) {
    let units = events
        .subscribe_to::<UnitRegistered>(UNIT_TOPIC)
        .map(Entry::Unit);
    let activities = events
        .subscribe_to::<ActivityRecorded>(ACTIVITY_TOPIC)
        .map(Entry::Activity);
    let mut entries = Box::pin(futures::stream::select(units, activities));
    tokio::spawn(async move {
        while let Some(entry) = entries.next().await {
            apply(&db, &entry).await;
        }
    });
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

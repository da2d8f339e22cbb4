//! The directory follows the organisations' events: a unit or an activity published on the
//! bus appears in hub's lists, once however often the event is delivered; with Redis, also
//! when hub was not running when it was published, or stopped before applying it.

mod common;

use std::sync::Arc;
use std::time::Duration;

use chrono::NaiveDate;
use quntuan_hub::directory_feed;
use quntuan_kit::events::directory::{ActivityRecorded, FEED, UnitRegistered};
use quntuan_kit::{Event, EventBus};
use serde_json::{Value, json};
use tokio::sync::mpsc;

const UNITS: &str = r#"{ grassrootsUnits(regionCode: "510116001001", limit: 100) { items { __typename id name kind organization memberCount } } }"#;
const ACTIVITIES: &str = r#"{ activities(regionCode: "510104003001", from: "2025-06-20", to: "2025-06-20", limit: 100) { items { __typename id title organization participantCount } } }"#;

fn unit() -> UnitRegistered {
    UnitRegistered {
        id: "unions-unit-900001".into(),
        organization: "unions".into(),
        name: "成都蓉新物流有限公司工会".into(),
        kind: "企业工会".into(),
        founded_on: NaiveDate::from_ymd_opt(2025, 6, 18).expect("a date"),
        member_count: 86,
        region_code: "510116001001".into(),
        street_code: "510116001".into(),
        district_code: "510116".into(),
    }
}

fn activity() -> ActivityRecorded {
    ActivityRecorded {
        id: "youth-act-900001".into(),
        organization: "youth".into(),
        title: "锦江青年读书会".into(),
        kind: "读书会".into(),
        held_on: NaiveDate::from_ymd_opt(2025, 6, 20).expect("a date"),
        participant_count: 30,
        region_code: "510104003001".into(),
        street_code: "510104003".into(),
        district_code: "510104".into(),
    }
}

/// Asks `query` until the items of `list` with `id` are exactly `expected` (the feed
/// applies events in the background).
async fn eventually(seeded: &common::Fixture, query: &str, list: &str, id: &str, expected: Value) {
    let mut last = Value::Null;
    for _ in 0..250 {
        last = items(seeded, query, list, id).await;
        if last == expected {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(last, expected);
}

/// The items of `list` with `id` that `query` answers now.
async fn items(seeded: &common::Fixture, query: &str, list: &str, id: &str) -> Value {
    let response = seeded.query(query).await;
    assert!(response.get("errors").is_none(), "{response}");
    let items = response["data"][list]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Value::Array(items.into_iter().filter(|item| item["id"] == id).collect())
}

fn unit_row() -> Value {
    json!([{ "__typename": "GrassrootsUnion", "id": "unions-unit-900001", "name": "成都蓉新物流有限公司工会",
             "kind": "企业工会", "organization": "UNIONS", "memberCount": 86 }])
}

fn activity_row() -> Value {
    json!([{ "__typename": "YouthActivity", "id": "youth-act-900001", "title": "锦江青年读书会",
             "organization": "YOUTH", "participantCount": 30 }])
}

/// Waits until the directory lists the published unit and activity, each once.
async fn both_appear(seeded: &common::Fixture) {
    eventually(
        seeded,
        UNITS,
        "grassrootsUnits",
        "unions-unit-900001",
        unit_row(),
    )
    .await;
    eventually(
        seeded,
        ACTIVITIES,
        "activities",
        "youth-act-900001",
        activity_row(),
    )
    .await;
}

#[tokio::test]
async fn a_published_unit_and_activity_appear_once_in_the_directory() {
    let seeded = common::seeded().await;
    let bus = EventBus::in_process();
    quntuan_hub::directory_feed::follow(seeded.db.clone(), &bus);
    // Delivered twice (at least once): the upsert keeps one row.
    bus.publish(vec![unit().event(), unit().event(), activity().event()])
        .await;
    both_appear(&seeded).await;
}

/// A bus on the Redis of CI's second pass, with its channels and streams under a namespace
/// of `test` in this run only; `None` after saying why `test` is skipped.
async fn redis_bus(test: &str) -> Option<(EventBus, String)> {
    let Ok(url) = std::env::var("REDIS_URL") else {
        eprintln!("{test}: SKIPPED, REDIS_URL is not set (CI's second pass sets it)");
        return None;
    };
    let namespace = format!("quntuan-test:{}:hub-{test}:", std::process::id());
    let bus = EventBus::redis_in(&url, &namespace)
        .await
        .expect("Redis is reachable at REDIS_URL");
    Some((bus, namespace))
}

/// Deletes the directory stream a test left in Redis.
async fn forget(namespace: &str) {
    let url = std::env::var("REDIS_URL").expect("REDIS_URL is set");
    let client = redis::Client::open(url).expect("a Redis URL");
    let mut connection = client
        .get_multiplexed_async_connection()
        .await
        .expect("Redis is reachable at REDIS_URL");
    let _: i64 = redis::cmd("DEL")
        .arg(FEED.key(namespace))
        .query_async(&mut connection)
        .await
        .expect("the stream is deleted");
}

#[tokio::test]
async fn with_redis_what_was_published_while_hub_was_down_is_applied_when_it_starts() {
    let Some((bus, namespace)) = redis_bus("down").await else {
        return;
    };
    let seeded = common::seeded().await;
    // No hub follows the bus yet.
    bus.publish(vec![unit().event(), activity().event()]).await;
    let following = directory_feed::follow(seeded.db.clone(), &bus);
    both_appear(&seeded).await;
    following.stop();
    forget(&namespace).await;
}

#[tokio::test]
async fn with_redis_an_event_read_but_not_applied_is_applied_once_by_the_next_hub() {
    let Some((bus, namespace)) = redis_bus("pending").await else {
        return;
    };
    let seeded = common::seeded().await;
    // Published twice (a publisher's retry): two entries of the same row.
    bus.publish(vec![unit().event(), unit().event()]).await;
    // A hub that reads the first entry and stops before its upsert, as a crash would.
    let (read, mut was_read) = mpsc::unbounded_channel::<Event>();
    let crashed = bus.follow(
        &FEED,
        directory_feed::follower(),
        Arc::new(move |event| {
            let read = read.clone();
            Box::pin(async move {
                let _ = read.send(event);
                std::future::pending::<()>().await;
            })
        }),
    );
    let first = tokio::time::timeout(Duration::from_secs(5), was_read.recv()).await;
    assert_eq!(
        first.expect("the entry is read within 5 s"),
        Some(unit().event())
    );
    crashed.stop();
    assert_eq!(
        items(&seeded, UNITS, "grassrootsUnits", "unions-unit-900001").await,
        json!([])
    );
    // The next hub applies the entry left pending, and the repeat, into one row.
    let following = directory_feed::follow(seeded.db.clone(), &bus);
    eventually(
        &seeded,
        UNITS,
        "grassrootsUnits",
        "unions-unit-900001",
        unit_row(),
    )
    .await;
    following.stop();
    forget(&namespace).await;
}

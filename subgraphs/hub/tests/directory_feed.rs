//! The directory follows the organisations' events: a unit or an activity published on the
//! bus appears in hub's lists, once however often the event is delivered.

mod common;

use chrono::NaiveDate;
use quntuan_kit::EventBus;
use quntuan_kit::events::directory::{ActivityRecorded, UnitRegistered};
use serde_json::{Value, json};

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
async fn eventually(seeded: &common::Seeded, query: &str, list: &str, id: &str, expected: Value) {
    let mut last = Value::Null;
    for _ in 0..100 {
        let response = seeded.run(query).await;
        assert!(response.get("errors").is_none(), "{response}");
        let items = response["data"][list]["items"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        last = Value::Array(items.into_iter().filter(|item| item["id"] == id).collect());
        if last == expected {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(last, expected);
}

#[tokio::test]
async fn a_published_unit_and_activity_appear_once_in_the_directory() {
    let seeded = common::seeded().await;
    let bus = EventBus::in_process();
    quntuan_hub::directory_feed::follow(seeded.db.clone(), &bus);
    // Delivered twice (at least once): the upsert keeps one row.
    bus.publish(vec![unit().event(), unit().event(), activity().event()])
        .await;
    eventually(
        &seeded,
        r#"{ grassrootsUnits(regionCode: "510116001001", limit: 100) { items { __typename id name kind organization memberCount } } }"#,
        "grassrootsUnits",
        "unions-unit-900001",
        json!([{ "__typename": "GrassrootsUnion", "id": "unions-unit-900001", "name": "成都蓉新物流有限公司工会",
                 "kind": "企业工会", "organization": "UNIONS", "memberCount": 86 }]),
    )
    .await;
    eventually(
        &seeded,
        r#"{ activities(regionCode: "510104003001", from: "2025-06-20", to: "2025-06-20", limit: 100) { items { __typename id title organization participantCount } } }"#,
        "activities",
        "youth-act-900001",
        json!([{ "__typename": "YouthActivity", "id": "youth-act-900001", "title": "锦江青年读书会",
                 "organization": "YOUTH", "participantCount": 30 }]),
    )
    .await;
}

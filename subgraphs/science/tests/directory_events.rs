//! `recordScienceActivity` publishes the activity's directory row (for hub) once its
//! transaction commits, and nothing when it is refused inside the transaction.

mod common;

use futures::{FutureExt, StreamExt};
use quntuan_kit::EventBus;
use quntuan_kit::events::directory::{ACTIVITY_TOPIC, ActivityRecorded};
use quntuan_kit::testing::fixture;
use quntuan_science::{Science, build_schema_with_events};
use serde_json::json;

const RECORD: &str =
    "mutation($input: RecordScienceActivityInput!) { recordScienceActivity(input: $input) { id } }";

fn input(association: &str) -> serde_json::Value {
    json!({"input": {
        "title": "科普进社区：家庭急救", "kind": "科普讲座", "heldOn": "2025-05-18",
        "participantCount": 37, "regionCode": "510104003001", "associationId": association
    }})
}

#[tokio::test]
async fn a_recorded_activity_is_published_for_the_directory_and_a_refused_one_is_not() {
    let bus = EventBus::in_process();
    let for_schema = bus.clone();
    let f = fixture(&Science, move |db| build_schema_with_events(db, for_schema)).await;
    let mut published = Box::pin(bus.subscribe_to::<ActivityRecorded>(ACTIVITY_TOPIC));

    let refused = f
        .run(common::officer(), RECORD, input("science-unit-999999"))
        .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "NOT_FOUND",
        "{refused}"
    );
    assert!(
        published.next().now_or_never().is_none(),
        "nothing for a refused write"
    );

    let recorded = f
        .run(common::officer(), RECORD, input("science-unit-000002"))
        .await;
    let id = recorded["data"]["recordScienceActivity"]["id"]
        .as_str()
        .expect("an id")
        .to_string();
    let event = published
        .next()
        .now_or_never()
        .flatten()
        .expect("published on commit");
    assert_eq!(
        (
            event.id.as_str(),
            event.organization.as_str(),
            event.title.as_str(),
            event.participant_count
        ),
        (id.as_str(), "science", "科普进社区：家庭急救", 37)
    );
    assert_eq!(
        (
            event.region_code.as_str(),
            event.street_code.as_str(),
            event.district_code.as_str()
        ),
        ("510104003001", "510104003", "510104")
    );
}

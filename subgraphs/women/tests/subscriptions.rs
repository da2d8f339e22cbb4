//! `rightsAssistanceRecorded`: an event after each committed record, none for one refused
//! inside its transaction, filtered by region; the note keeps its scope.

mod common;

use common::{clerk, officer};
use quntuan_kit::testing::{
    assert_no_event, assert_unknown_region_refused, assert_write_refused, committed, next_event,
    subscribe_in_region,
};
use serde_json::{Value, json};

const SUBSCRIBE: &str = "subscription($region: String) { rightsAssistanceRecorded(regionCode: $region) { id kind note regionCode dispute { id } } }";
const RECORD: &str = r#"mutation($input: RecordRightsAssistanceInput!) {
    recordRightsAssistance(input: $input) { id }
}"#;

/// Assistance by `organization` on `unions-dispute-000019`.
fn record(organization: &str) -> Value {
    json!({"input": {
        "disputeId": "unions-dispute-000019",
        "organizationId": organization,
        "kind": "LEGAL_AID",
        "note": "为三名女职工联系法律援助律师",
        "assistedOn": "2025-06-30"
    }})
}

/// The event of record `id` in `region`, its note as given.
fn recorded(id: &str, note: Value, region: &str) -> Value {
    json!({"rightsAssistanceRecorded": {
        "id": id, "kind": "LEGAL_AID", "note": note, "regionCode": region,
        "dispute": {"id": "unions-dispute-000019"}
    }})
}

#[tokio::test]
async fn a_subscriber_gets_each_committed_record_and_nothing_for_a_refused_one() {
    let f = common::seeded().await;
    let mut events = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510112"));

    // The organisation is looked up inside the transaction: refused, rolled back, no event.
    let unknown = record("women-unit-999999");
    assert_write_refused(&f.schema, officer(), RECORD, unknown, "BAD_USER_INPUT").await;

    assert_eq!(
        committed(&f.schema, officer(), RECORD, record("women-unit-000002")).await,
        json!({"recordRightsAssistance": {"id": "women-assist-000011"}})
    );
    let note = json!("为三名女职工联系法律援助律师");
    assert_eq!(
        next_event(&mut events).await,
        json!({"data": recorded("women-assist-000011", note, "510112002002")})
    );

    // The same record again is a CONFLICT found inside the transaction: no event.
    let again = record("women-unit-000002");
    assert_write_refused(&f.schema, officer(), RECORD, again, "CONFLICT").await;
    assert_no_event(&mut events).await;
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let f = common::seeded().await;
    let mut elsewhere = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510105"));
    let mut unscoped = subscribe_in_region(&f.schema, SUBSCRIBE, clerk(), None);
    // In 510112, then in 510105.
    for organization in ["women-unit-000002", "women-unit-000031"] {
        committed(&f.schema, officer(), RECORD, record(organization)).await;
    }
    let note = json!("为三名女职工联系法律援助律师");
    assert_eq!(
        next_event(&mut elsewhere).await,
        json!({"data": recorded("women-assist-000012", note, "510105003002")})
    );
    assert_eq!(
        next_event(&mut unscoped).await,
        json!({
            "data": recorded("women-assist-000011", Value::Null, "510112002002"),
            "errors": [{
                "message": "`RightsAssistance.note` requires the scope `women:personal`",
                "locations": [{"line": 1, "column": 89}],
                "path": ["rightsAssistanceRecorded", "note"],
                "extensions": {"code": "FORBIDDEN"}
            }]
        })
    );
}

#[tokio::test]
async fn an_unknown_region_is_refused_when_subscribing() {
    let f = common::seeded().await;
    assert_unknown_region_refused(&f.schema, SUBSCRIBE, officer(), "999999").await;
}

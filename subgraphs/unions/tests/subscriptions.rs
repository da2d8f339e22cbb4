//! `laborDisputeChanged`: an event after each committed receipt and step, none for a write
//! refused inside its transaction, filtered by region.

mod common;

use common::officer;
use quntuan_kit::testing::{
    assert_no_event, assert_unknown_region_refused, assert_write_refused, committed, next_event,
    subscribe_in_region,
};
use serde_json::{Value, json};

const SUBSCRIBE: &str = r#"subscription($region: String) {
    laborDisputeChanged(regionCode: $region) { id status claimantName regionCode region { code } }
}"#;

const RECEIVE: &str = r#"mutation($input: ReceiveLaborDisputeInput!) {
    receiveLaborDispute(input: $input) { id }
}"#;

const STEP: &str = r#"mutation($input: RecordLaborDisputeStepInput!) {
    recordLaborDisputeStep(input: $input) { dispute { id status } }
}"#;

fn dispute_input(region: &str, union_id: Option<&str>) -> Value {
    json!({ "input": common::dispute(region, union_id) })
}

#[tokio::test]
async fn a_subscriber_gets_every_committed_receipt_and_step_and_nothing_for_a_refused_write() {
    let f = common::seeded().await;
    let mut events = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510116"));

    // Refused inside the transaction (the union is looked up there): rolled back, no event.
    let unknown_union = dispute_input("510116001002", Some("unions-unit-999999"));
    assert_write_refused(
        &f.schema,
        officer(),
        RECEIVE,
        unknown_union,
        "BAD_USER_INPUT",
    )
    .await;

    let received = dispute_input("510116001002", None);
    let id = committed(&f.schema, officer(), RECEIVE, received).await["receiveLaborDispute"]["id"]
        .clone();
    assert_eq!(
        next_event(&mut events).await,
        json!({"data": {"laborDisputeChanged": {
            "id": id, "status": "RECEIVED", "claimantName": "王芳",
            "regionCode": "510116001002", "region": {"code": "510116001002"}
        }}})
    );

    let step = json!({"input": {"disputeId": id, "toStatus": "MEDIATING", "note": "调解开始"}});
    let stepped = committed(&f.schema, officer(), STEP, step.clone()).await;
    assert_eq!(
        stepped,
        json!({"recordLaborDisputeStep": {"dispute": {"id": id, "status": "MEDIATING"}}})
    );
    let event = next_event(&mut events).await;
    assert_eq!(
        event["data"]["laborDisputeChanged"]["status"], "MEDIATING",
        "{event}"
    );

    // An illegal step (the same move again) is refused: no event.
    assert_write_refused(&f.schema, officer(), STEP, step, "CONFLICT").await;
    assert_no_event(&mut events).await;
}

#[tokio::test]
async fn a_region_filter_leaves_out_cases_of_other_regions() {
    let f = common::seeded().await;
    let mut events = subscribe_in_region(&f.schema, SUBSCRIBE, officer(), Some("510104"));
    for region in ["510116001002", "510104001001"] {
        committed(&f.schema, officer(), RECEIVE, dispute_input(region, None)).await;
    }
    // The first case, in 510116, is not announced: the next event is the second one's.
    let event = next_event(&mut events).await;
    assert_eq!(
        event["data"]["laborDisputeChanged"]["regionCode"], "510104001001",
        "{event}"
    );
}

#[tokio::test]
async fn an_unknown_region_is_refused_when_subscribing() {
    let f = common::seeded().await;
    assert_unknown_region_refused(&f.schema, SUBSCRIBE, officer(), "999").await;
}

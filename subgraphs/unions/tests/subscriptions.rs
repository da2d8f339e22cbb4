//! `laborDisputeChanged`: an event after each committed receipt and step, none for a write
//! refused inside its transaction, filtered by region.

mod common;

use common::{officer, run, seeded_schema};
use quntuan_kit::testing::{
    assert_no_event, first_answer, next_event, refusal_response, subscribe_in_region,
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
    json!({"input": {
        "title": "成都岷江物流有限公司拖欠工资纠纷",
        "category": "WAGE_ARREARS",
        "workerCount": 3,
        "amountClaimedYuan": 26400,
        "receivedOn": "2025-06-30",
        "claimantName": "王芳",
        "claimantPhone": "13800002222",
        "claimantIdNumber": "11010519491231002X",
        "regionCode": region,
        "unionId": union_id,
    }})
}

fn id_of(response: &Value, field: &str) -> String {
    assert!(
        response.get("errors").is_none(),
        "unexpected errors: {response}"
    );
    response["data"][field]["id"]
        .as_str()
        .or_else(|| response["data"][field]["dispute"]["id"].as_str())
        .expect("an id")
        .to_string()
}

#[tokio::test]
async fn a_subscriber_gets_every_committed_receipt_and_step_and_nothing_for_a_refused_write() {
    let (schema, _db) = seeded_schema().await;
    let mut events = subscribe_in_region(&schema, SUBSCRIBE, officer(), Some("510116"));

    // Refused inside the transaction (the union is looked up there): rolled back, no event.
    let refused = run(
        &schema,
        officer(),
        RECEIVE,
        dispute_input("510116001002", Some("unions-unit-999999")),
    )
    .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );

    let received = run(
        &schema,
        officer(),
        RECEIVE,
        dispute_input("510116001002", None),
    )
    .await;
    let id = id_of(&received, "receiveLaborDispute");
    let event = next_event(&mut events).await;
    assert_eq!(
        event,
        json!({"data": {"laborDisputeChanged": {
            "id": id, "status": "RECEIVED", "claimantName": "王芳",
            "regionCode": "510116001002", "region": {"code": "510116001002"}
        }}})
    );

    let step = json!({"input": {"disputeId": id, "toStatus": "MEDIATING", "note": "调解开始"}});
    let stepped = run(&schema, officer(), STEP, step.clone()).await;
    assert_eq!(id_of(&stepped, "recordLaborDisputeStep"), id);
    let event = next_event(&mut events).await;
    assert_eq!(
        event["data"]["laborDisputeChanged"]["status"], "MEDIATING",
        "{event}"
    );

    // An illegal step (the same move again) is refused: no event.
    let illegal = run(&schema, officer(), STEP, step).await;
    assert_eq!(
        illegal["errors"][0]["extensions"]["code"], "CONFLICT",
        "{illegal}"
    );
    assert_no_event(&mut events).await;
}

#[tokio::test]
async fn a_region_filter_leaves_out_cases_of_other_regions() {
    let (schema, _db) = seeded_schema().await;
    let mut events = subscribe_in_region(&schema, SUBSCRIBE, officer(), Some("510104"));
    run(
        &schema,
        officer(),
        RECEIVE,
        dispute_input("510116001002", None),
    )
    .await;
    let inside = run(
        &schema,
        officer(),
        RECEIVE,
        dispute_input("510104001001", None),
    )
    .await;
    let id = id_of(&inside, "receiveLaborDispute");
    let event = next_event(&mut events).await;
    assert_eq!(
        event["data"]["laborDisputeChanged"]["id"],
        id.as_str(),
        "{event}"
    );
}

#[tokio::test]
async fn an_unknown_region_is_refused_when_subscribing() {
    let (schema, _db) = seeded_schema().await;
    let region = json!({"region": "999"});
    let answer = first_answer(&schema, SUBSCRIBE, region, officer()).await;
    assert_eq!(
        answer,
        refusal_response(
            SUBSCRIBE,
            "BAD_USER_INPUT",
            "`regionCode` `999` is not a region code of the tree"
        )
    );
}

//! `rightsAssistanceRecorded`: an event after each committed record, none for one refused
//! inside its transaction, filtered by region; the note keeps its scope.

mod common;

use common::{clerk, officer, run, seeded_schema};
use quntuan_kit::testing::{
    assert_no_event, first_answer, next_event, refusal_response, subscribe_in_region,
};
use serde_json::{Value, json};

const SUBSCRIBE: &str = "subscription($region: String) { rightsAssistanceRecorded(regionCode: $region) { id kind note regionCode dispute { id } } }";
const RECORD: &str = r#"mutation($input: RecordRightsAssistanceInput!) {
    recordRightsAssistance(input: $input) { id }
}"#;

/// Assistance by `organization` on `dispute`.
fn record(dispute: &str, organization: &str) -> Value {
    json!({"input": {
        "disputeId": dispute,
        "organizationId": organization,
        "kind": "LEGAL_AID",
        "note": "为三名女职工联系法律援助律师",
        "assistedOn": "2025-06-30"
    }})
}

#[tokio::test]
async fn a_subscriber_gets_each_committed_record_and_nothing_for_a_refused_one() {
    let (schema, _db) = seeded_schema().await;
    let mut events = subscribe_in_region(&schema, SUBSCRIBE, officer(), Some("510112"));

    // The organisation is looked up inside the transaction: refused, rolled back, no event.
    let refused = run(
        &schema,
        officer(),
        RECORD,
        record("unions-dispute-000019", "women-unit-999999"),
    )
    .await;
    assert_eq!(
        refused["errors"][0]["extensions"]["code"], "BAD_USER_INPUT",
        "{refused}"
    );

    let recorded = run(
        &schema,
        officer(),
        RECORD,
        record("unions-dispute-000019", "women-unit-000002"),
    )
    .await;
    assert_eq!(
        recorded,
        json!({"data": {"recordRightsAssistance": {"id": "women-assist-000011"}}})
    );
    assert_eq!(
        next_event(&mut events).await,
        json!({"data": {"rightsAssistanceRecorded": {
            "id": "women-assist-000011", "kind": "LEGAL_AID",
            "note": "为三名女职工联系法律援助律师", "regionCode": "510112002002",
            "dispute": {"id": "unions-dispute-000019"}
        }}})
    );

    // The same record again is a CONFLICT found inside the transaction: no event.
    let again = run(
        &schema,
        officer(),
        RECORD,
        record("unions-dispute-000019", "women-unit-000002"),
    )
    .await;
    assert_eq!(
        again["errors"][0]["extensions"]["code"], "CONFLICT",
        "{again}"
    );
    assert_no_event(&mut events).await;
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let (schema, _db) = seeded_schema().await;
    let mut elsewhere = subscribe_in_region(&schema, SUBSCRIBE, officer(), Some("510105"));
    let mut unscoped = subscribe_in_region(&schema, SUBSCRIBE, clerk(), None);
    // In 510112, then in 510105.
    for organization in ["women-unit-000002", "women-unit-000031"] {
        let recorded = run(
            &schema,
            officer(),
            RECORD,
            record("unions-dispute-000019", organization),
        )
        .await;
        assert!(recorded.get("errors").is_none(), "{recorded}");
    }
    assert_eq!(
        next_event(&mut elsewhere).await,
        json!({"data": {"rightsAssistanceRecorded": {
            "id": "women-assist-000012", "kind": "LEGAL_AID",
            "note": "为三名女职工联系法律援助律师", "regionCode": "510105003002",
            "dispute": {"id": "unions-dispute-000019"}
        }}})
    );
    assert_eq!(
        next_event(&mut unscoped).await,
        json!({
            "data": {"rightsAssistanceRecorded": {
                "id": "women-assist-000011", "kind": "LEGAL_AID", "note": null,
                "regionCode": "510112002002", "dispute": {"id": "unions-dispute-000019"}
            }},
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
    let (schema, _db) = seeded_schema().await;
    let region = json!({"region": "999999"});
    let answer = first_answer(&schema, SUBSCRIBE, region, officer()).await;
    assert_eq!(
        answer,
        refusal_response(
            SUBSCRIBE,
            "BAD_USER_INPUT",
            "`regionCode` `999999` is not a region code of the tree"
        )
    );
}

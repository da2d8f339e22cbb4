//! `rightsAssistanceRecorded`: an event after each committed record, none for one refused
//! inside its transaction, filtered by region; the note keeps its scope.

mod common;

use async_graphql::Executor;
use common::{clerk, officer, run, seeded_schema};
use futures::{FutureExt, Stream, StreamExt};
use quntuan_kit::Caller;
use quntuan_kit::testing::{self, next_event};
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

/// Subscribes as `caller` and polls once, so the subscription is on the bus before the
/// test's mutations run.
fn subscribe(
    schema: &impl Executor,
    caller: Caller,
    region: Option<&str>,
) -> impl Stream<Item = async_graphql::Response> + Unpin {
    testing::subscribe(schema, SUBSCRIBE, json!({ "region": region }), caller)
}

#[tokio::test]
async fn a_subscriber_gets_each_committed_record_and_nothing_for_a_refused_one() {
    let (schema, _db) = seeded_schema().await;
    let mut events = subscribe(&schema, officer(), Some("510112"));

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
    tokio::task::yield_now().await;
    assert!(
        events.next().now_or_never().is_none(),
        "nothing after refused writes"
    );
}

#[tokio::test]
async fn a_subscriber_outside_the_region_or_without_the_scope_sees_accordingly() {
    let (schema, _db) = seeded_schema().await;
    let mut elsewhere = subscribe(&schema, officer(), Some("510105"));
    let mut unscoped = subscribe(&schema, clerk(), None);
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
    let mut events = Box::pin(
        schema.execute_stream(
            async_graphql::Request::new(SUBSCRIBE)
                .variables(async_graphql::Variables::from_json(
                    json!({"region": "999999"}),
                ))
                .data(officer()),
        ),
    );
    assert_eq!(
        serde_json::to_value(events.next().await.expect("an answer")).expect("JSON"),
        json!({"data": null, "errors": [{
            "message": "`regionCode` `999999` is not a region code of the tree",
            "locations": [{"line": 1, "column": 33}],
            "path": ["rightsAssistanceRecorded"],
            "extensions": {"code": "BAD_USER_INPUT"}
        }]})
    );
}

//! Recording rights assistance: the whole response on success; on refusal a typed error
//! (`extensions.code`) and an unchanged database.

mod common;

use common::{clerk, officer, row_counts, run, seeded_schema, sorted};
use quntuan_kit::Caller;
use serde_json::{Value, json};

const RECORD: &str = r#"mutation($input: RecordRightsAssistanceInput!) {
    recordRightsAssistance(input: $input) {
        id kind note assistedOn recordedBy recordedAt regionCode streetCode districtCode
        dispute { id } organization { id name }
    }
}"#;

fn input() -> Value {
    json!({
        "disputeId": "unions-dispute-000019",
        "organizationId": "women-unit-000002",
        "kind": "LEGAL_AID",
        "note": "为三名女职工联系法律援助律师",
        "assistedOn": "2025-06-30"
    })
}

fn with(mut input: Value, key: &str, value: Value) -> Value {
    input[key] = value;
    input
}

#[tokio::test]
async fn records_assistance_on_a_case() {
    let (schema, _db) = seeded_schema().await;
    let response = run(&schema, officer(), RECORD, json!({"input": input()})).await;
    assert_eq!(
        response,
        json!({"data": {"recordRightsAssistance": {
            "id": "women-assist-000011",
            "kind": "LEGAL_AID",
            "note": "为三名女职工联系法律援助律师",
            "assistedOn": "2025-06-30",
            "recordedBy": "officer-1",
            "recordedAt": "2025-07-01T02:30:00+00:00",
            "regionCode": "510112002002",
            "streetCode": "510112002",
            "districtCode": "510112",
            "dispute": {"id": "unions-dispute-000019"},
            "organization": {"id": "women-unit-000002", "name": "跳蹬河街道滨江社区妇女联合会"}
        }}})
    );
    let case = run(
        &schema,
        clerk(),
        r#"{ _entities(representations: [{__typename: "LaborDispute", id: "unions-dispute-000019"}]) {
            ... on LaborDispute { id rightsAssistance { id kind recordedBy } } } }"#,
        json!({}),
    )
    .await;
    insta::assert_json_snapshot!("case_after_assistance", sorted(case));
}

#[tokio::test]
async fn refused_records_change_nothing() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let cases: Vec<(Caller, Value, &str, &str)> = vec![
        (
            officer(),
            with(input(), "disputeId", json!("unions-unit-000019")),
            "BAD_USER_INPUT",
            "`disputeId` must be a labour-dispute id such as `unions-dispute-000123`, got `unions-unit-000019`",
        ),
        (
            officer(),
            with(input(), "note", json!("")),
            "BAD_USER_INPUT",
            "`note` must not be empty",
        ),
        (
            officer(),
            with(input(), "assistedOn", json!("2025-07-02")),
            "BAD_USER_INPUT",
            "`assistedOn` must not be in the future, got 2025-07-02 (today is 2025-07-01)",
        ),
        (
            officer(),
            with(input(), "organizationId", json!("women-unit-999999")),
            "BAD_USER_INPUT",
            "`organizationId` `women-unit-999999` is not a women's organisation",
        ),
        (
            officer(),
            json!({
                "disputeId": "unions-dispute-000035",
                "organizationId": "women-unit-000031",
                "kind": "LEGAL_AID",
                "note": "再次记录",
                "assistedOn": "2025-06-23"
            }),
            "CONFLICT",
            "`women-unit-000031` already recorded this assistance on `unions-dispute-000035` for 2025-06-23 (`women-assist-000007`)",
        ),
        (
            Caller::anonymous(),
            input(),
            "FORBIDDEN",
            "this mutation needs a signed-in caller (a bearer token with `sub`)",
        ),
    ];
    for (caller, input, code, message) in cases {
        let response = run(&schema, caller, RECORD, json!({"input": input})).await;
        assert_eq!(
            response,
            json!({
                "data": null,
                "errors": [{
                    "message": message,
                    "locations": [{"line": 2, "column": 5}],
                    "path": ["recordRightsAssistance"],
                    "extensions": {"code": code}
                }]
            }),
            "{code}: {message}"
        );
    }
    assert_eq!(row_counts(&db).await, before);
}

#[tokio::test]
async fn concurrent_identical_records_are_written_once() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let first = run(&schema, officer(), RECORD, json!({"input": input()}));
    let colleague = Caller::new("officer-2", &["women:personal"]);
    let second = run(&schema, colleague, RECORD, json!({"input": input()}));
    let (first, second) = tokio::join!(first, second);
    let codes: Vec<Value> = [&first, &second]
        .iter()
        .map(|r| r["errors"][0]["extensions"]["code"].clone())
        .collect();
    let written = codes.iter().filter(|c| c.is_null()).count();
    let conflicts = codes.iter().filter(|c| **c == json!("CONFLICT")).count();
    assert_eq!((written, conflicts), (1, 1), "{first} {second}");
    let records = |counts: &[(String, i64)]| {
        counts
            .iter()
            .find(|(t, _)| *t == "rights_assistance")
            .map(|(_, n)| *n)
    };
    assert_eq!(
        records(&row_counts(&db).await),
        records(&before).map(|n| n + 1)
    );
}

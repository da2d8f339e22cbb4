//! Recording rights assistance: the whole response on success; on refusal a typed error
//! (`extensions.code`) and an unchanged database.

mod common;

use common::{officer, row_counts, seeded_schema};
use quntuan_kit::Caller;
use quntuan_kit::testing::{
    Refusal, assert_one_of_two_applies, assert_refusals, changed_input, rows_of,
};
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

// Recorded by an officer (the whole response), then listed on the labour dispute it helps.
quntuan_kit::fixture_folder_test!(records_assistance_on_a_case, on common::seeded().await.schema);

#[tokio::test]
async fn refused_records_change_nothing() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let refused = |changes, code, message| {
        Refusal::new(officer(), changed_input(input(), changes), code, message)
    };
    assert_refusals(&schema, RECORD, [
        refused(
            json!({"disputeId": "unions-unit-000019"}),
            "BAD_USER_INPUT",
            "`disputeId` must be a labour-dispute id such as `unions-dispute-000123`, got `unions-unit-000019`",
        ),
        refused(json!({"note": ""}), "BAD_USER_INPUT", "`note` must not be empty"),
        refused(
            json!({"assistedOn": "2025-07-02"}),
            "BAD_USER_INPUT",
            "`assistedOn` must not be in the future, got 2025-07-02 (today is 2025-07-01)",
        ),
        refused(
            json!({"organizationId": "women-unit-999999"}),
            "BAD_USER_INPUT",
            "`organizationId` `women-unit-999999` is not a women's organisation",
        ),
        refused(
            json!({
                "disputeId": "unions-dispute-000035",
                "organizationId": "women-unit-000031",
                "note": "再次记录",
                "assistedOn": "2025-06-23"
            }),
            "CONFLICT",
            "`women-unit-000031` already recorded this assistance on `unions-dispute-000035` for 2025-06-23 (`women-assist-000007`)",
        ),
        Refusal::unsigned(changed_input(input(), json!({}))),
    ])
    .await;
    assert_eq!(row_counts(&db).await, before);
}

#[tokio::test]
async fn concurrent_identical_records_are_written_once() {
    let (schema, db) = seeded_schema().await;
    let before = row_counts(&db).await;
    let colleague = Caller::new("officer-2", &["women:personal"]);
    let twice = [
        (officer(), changed_input(input(), json!({}))),
        (colleague, changed_input(input(), json!({}))),
    ];
    assert_one_of_two_applies(&schema, RECORD, twice).await;
    let records = |counts: &[(String, i64)]| rows_of(counts, "rights_assistance");
    assert_eq!(records(&row_counts(&db).await), records(&before) + 1);
}

//! The oracle of `women_region_figures`: after the seed and after every kind of mutation,
//! the summary `Region.women` reads equals the live aggregate over the tables, for every
//! region of the demo hierarchy.

mod common;

use common::{officer, run, seeded_schema};
use quntuan_kit::region::CITY_CODE;
use quntuan_kit::testing::region_summary;
use quntuan_women::service::figures::SUMMARY;
use sea_orm::DatabaseConnection;
use serde_json::json;

const RECORD: &str = r#"mutation($input: RecordRightsAssistanceInput!) {
    recordRightsAssistance(input: $input) { id regionCode }
}"#;

/// The summary equals the live aggregate, and the city counts records.
async fn assert_summary_is_live(db: &DatabaseConnection, after: &str) {
    let when = format!("after {after}");
    let figures = region_summary::assert_summary_is_live(db, &SUMMARY, &when).await;
    assert!(
        figures[CITY_CODE].iter().any(|n| *n > 0),
        "the city counts records"
    );
}

#[tokio::test]
async fn the_summary_equals_the_live_aggregate_after_the_seed_and_every_mutation() {
    let (schema, db) = seeded_schema().await;
    assert_summary_is_live(&db, "the seed").await;
    // A case new to the city, the same case from another organisation's region, and the
    // same case again from the same region (a distinct count must not grow there).
    for (dispute, organization, day) in [
        ("unions-dispute-000019", "women-unit-000002", "2025-06-30"),
        ("unions-dispute-000019", "women-unit-000031", "2025-06-30"),
        ("unions-dispute-000019", "women-unit-000002", "2025-06-29"),
        ("unions-dispute-000001", "women-unit-000005", "2025-06-28"),
    ] {
        let input = json!({
            "disputeId": dispute,
            "organizationId": organization,
            "kind": "LEGAL_AID",
            "note": "联系法律援助律师",
            "assistedOn": day
        });
        let response = run(&schema, officer(), RECORD, json!({"input": input})).await;
        assert!(response.get("errors").is_none(), "{response}");
        assert_summary_is_live(&db, &format!("recording {dispute} by {organization}")).await;
    }
}

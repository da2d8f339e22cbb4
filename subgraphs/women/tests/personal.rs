//! Personal data: refused (null + FORBIDDEN) without `women:personal`, served with it.

mod common;

use common::{clerk, officer, run, seeded_schema, sorted};
use quntuan_kit::Caller;
use serde_json::json;

const QUERY: &str = r#"{
    womenOfficers(filter: {organizationId: "women-unit-000002"}, limit: 2) {
        items { id role name idNumber phone }
    }
    rightsAssistanceRecords(filter: {disputeId: "unions-dispute-000011"}) {
        items { id kind note }
    }
    womenAwards(limit: 1) { items { id recipientPerson } }
}"#;

#[tokio::test]
async fn personal_fields_are_refused_without_the_scope() {
    let (schema, _db) = seeded_schema().await;
    for caller in [
        Caller::anonymous(),
        clerk(),
        Caller::new("union-officer", &["unions:personal"]),
    ] {
        let response = run(&schema, caller, QUERY, json!({})).await;
        insta::assert_json_snapshot!("personal_refused", sorted(response));
    }
}

#[tokio::test]
async fn personal_fields_are_served_with_the_scope() {
    let (schema, _db) = seeded_schema().await;
    let response = run(&schema, officer(), QUERY, json!({})).await;
    insta::assert_json_snapshot!("personal_served", sorted(response));
}

#[test]
fn the_sdl_marks_every_personal_field_for_the_gateway() {
    use quntuan_kit::SubgraphService;
    let sdl = quntuan_women::Women.sdl();
    assert_eq!(
        quntuan_kit::testing::fields_requiring(&sdl, "women:personal"),
        vec!["note", "recipientPerson", "name", "idNumber", "phone"]
    );
}

//! Personal data: refused (null + FORBIDDEN) without `unions:personal`, served with it.

mod common;

use common::{clerk, officer, run, seeded_schema, sorted};
use quntuan_kit::Caller;
use serde_json::json;

const QUERY: &str = r#"{
    grassrootsUnion(id: "unions-unit-000001") { id chairName chairPhone }
    laborDispute(id: "unions-dispute-000001") { id claimantName claimantPhone claimantIdNumber }
    unionSocialWorkers(limit: 1) { items { id name idNumber phone } }
    craftsmen(limit: 1) { items { id name phone } }
    medal: unionAwards(filter: {kind: MEDAL}, limit: 1) { items { id recipientPerson } }
    certificate: unionAwards(filter: {kind: CERTIFICATE}, limit: 1) { items { id recipientPerson } }
}"#;

#[tokio::test]
async fn personal_fields_are_refused_without_the_scope() {
    let (schema, _db) = seeded_schema().await;
    for caller in [
        Caller::anonymous(),
        clerk(),
        Caller::new("youth-officer", &["youth:personal"]),
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
    let sdl = quntuan_unions::Unions.sdl();
    assert_eq!(
        quntuan_kit::testing::fields_requiring(&sdl, "unions:personal"),
        vec![
            "name",
            "phone",
            "chairName",
            "chairPhone",
            "claimantName",
            "claimantPhone",
            "claimantIdNumber",
            "recipientPerson",
            "name",
            "idNumber",
            "phone",
        ]
    );
}

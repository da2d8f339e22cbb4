//! Personal data: the lead expert's name and phone and the honoured person's name are
//! refused (null + FORBIDDEN) without `science:personal` and marked `@requiresScopes`.

mod common;

use quntuan_kit::Caller;
use serde_json::json;

const QUERY: &str = r#"{ scienceWorkstations(limit: 1) { items { id leadExpert expertPhone } } }"#;

#[tokio::test]
async fn workstation_experts_are_refused_without_the_scope() {
    let f = common::seeded().await;
    let caller = Caller::new("youth-officer", &["youth:personal"]);
    let response = f.run(caller, QUERY, json!({})).await;
    let refusal = |field: &str, column: i64| {
        json!({
            "message": format!("`ScienceWorkstation.{field}` requires the scope `science:personal`"),
            "locations": [{ "line": 1, "column": column }],
            "path": ["scienceWorkstations", "items", 0, field],
            "extensions": { "code": "FORBIDDEN" }
        })
    };
    assert_eq!(
        response,
        json!({
            "data": { "scienceWorkstations": { "items": [
                { "id": "science-station-0001", "leadExpert": null, "expertPhone": null }
            ]}},
            "errors": [refusal("leadExpert", 46), refusal("expertPhone", 57)]
        })
    );
}

#[tokio::test]
async fn officers_with_the_scope_read_the_experts() {
    let f = common::seeded().await;
    let response = f.run(common::officer(), QUERY, json!({})).await;
    assert_eq!(
        response,
        json!({ "data": { "scienceWorkstations": { "items": [
            { "id": "science-station-0001", "leadExpert": "吴娟梅", "expertPhone": "13567749009" }
        ]}}})
    );
}

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let sdl = quntuan_science::sdl();
    for line in [
        "leadExpert: String @requiresScopes(scopes: [[\"science:personal\"]])",
        "expertPhone: String @requiresScopes(scopes: [[\"science:personal\"]])",
        "recipientPerson: String @requiresScopes(scopes: [[\"science:personal\"]])",
    ] {
        assert!(sdl.contains(line), "{line}");
    }
}

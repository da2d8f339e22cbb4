//! Personal data: names, ID numbers and phones are refused (null + FORBIDDEN) without
//! `youth:personal`, served with it, and marked `@requiresScopes` in the SDL.

mod common;

use quntuan_kit::Caller;
use serde_json::json;

const QUERY: &str = r#"{ youthVolunteers(filter: {regionCode: "510104003001"}, limit: 1) { totalCount items { id name idNumber phone registeredOn } } }"#;

fn forbidden(field: &str, column: i64) -> serde_json::Value {
    json!({
        "message": format!("`YouthVolunteer.{field}` requires the scope `youth:personal`"),
        "locations": [{ "line": 1, "column": column }],
        "path": ["youthVolunteers", "items", 0, field],
        "extensions": { "code": "FORBIDDEN" }
    })
}

#[tokio::test]
async fn anonymous_callers_get_null_and_forbidden_for_each_personal_field() {
    let f = common::seeded().await;
    let response = f.run(common::anonymous(), QUERY, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": { "youthVolunteers": { "totalCount": 3, "items": [{
                "id": "youth-volunteer-0000030",
                "name": null,
                "idNumber": null,
                "phone": null,
                "registeredOn": "2017-05-14"
            }]}},
            "errors": [forbidden("name", 91), forbidden("idNumber", 96), forbidden("phone", 105)]
        })
    );
}

#[tokio::test]
async fn a_scope_of_another_organisation_does_not_unlock_youth_data() {
    let f = common::seeded().await;
    let caller = Caller::new("unions-officer", &["unions:personal"]);
    let response = f.run(caller, QUERY, json!({})).await;
    assert_eq!(
        response["errors"],
        json!([
            forbidden("name", 91),
            forbidden("idNumber", 96),
            forbidden("phone", 105)
        ])
    );
    assert_eq!(
        response["data"]["youthVolunteers"]["items"][0]["name"],
        json!(null)
    );
}

#[tokio::test]
async fn officers_with_the_scope_read_personal_fields() {
    let f = common::seeded().await;
    let response = f.run(common::officer(), QUERY, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": { "youthVolunteers": { "totalCount": 3, "items": [{
                "id": "youth-volunteer-0000030",
                "name": "张刚磊",
                "idNumber": "510104199207310834",
                "phone": "13807887603",
                "registeredOn": "2017-05-14"
            }]}}
        })
    );
}

#[test]
fn the_sdl_marks_personal_fields_with_requires_scopes() {
    let sdl = quntuan_youth::sdl();
    for field in ["name", "idNumber", "phone"] {
        let line = format!("{field}: String @requiresScopes(scopes: [[\"youth:personal\"]])");
        assert_eq!(
            sdl.matches(&line).count(),
            2,
            "{line} on volunteers and social workers"
        );
    }
    assert!(
        sdl.contains("recipientPerson: String @requiresScopes(scopes: [[\"youth:personal\"]])")
    );
}

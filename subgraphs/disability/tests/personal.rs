//! The registry is the most sensitive data of the platform: names, ID numbers and phones
//! need `disability:personal`, category and grade `disability:sensitive`. Each protected
//! field is refused on its own (null + FORBIDDEN), and filtering by category or grade is
//! refused without the sensitive scope (a filter would reveal it too).

mod common;

use quntuan_kit::Caller;
use quntuan_kit::testing::error_response;
use serde_json::{Value, json};

const QUERY: &str = r#"{ disabledPersons(filter: {regionCode: "510104"}, limit: 1) { items { id name idNumber phone category grade } } }"#;

fn refusal(field: &str, scope: &str) -> Value {
    let column = QUERY.find(&format!(" {field}")).map(|i| i + 2).unwrap_or(0);
    json!({
        "message": format!("`DisabledPerson.{field}` requires the scope `{scope}`"),
        "locations": [{ "line": 1, "column": column }],
        "path": ["disabledPersons", "items", 0, field],
        "extensions": { "code": "FORBIDDEN" }
    })
}

fn record(name: Value, id_number: Value, phone: Value, category: Value, grade: Value) -> Value {
    json!({ "disabledPersons": { "items": [{
        "id": "disability-person-0000015",
        "name": name,
        "idNumber": id_number,
        "phone": phone,
        "category": category,
        "grade": grade
    }]}})
}

#[tokio::test]
async fn anonymous_callers_see_no_protected_field() {
    let f = common::seeded().await;
    let response = f.run(common::anonymous(), QUERY, json!({})).await;
    let null = Value::Null;
    assert_eq!(
        response,
        json!({
            "data": record(null.clone(), null.clone(), null.clone(), null.clone(), null),
            "errors": [
                refusal("name", "disability:personal"),
                refusal("idNumber", "disability:personal"),
                refusal("phone", "disability:personal"),
                refusal("category", "disability:sensitive"),
                refusal("grade", "disability:sensitive"),
            ]
        })
    );
}

#[tokio::test]
async fn the_personal_scope_does_not_unlock_category_and_grade() {
    let f = common::seeded().await;
    let caller = Caller::new("registrar", &["disability:personal"]);
    let response = f.run(caller, QUERY, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": record(json!("赵晨杰"), json!("510104201006084631"), json!("13668833001"), Value::Null, Value::Null),
            "errors": [refusal("category", "disability:sensitive"), refusal("grade", "disability:sensitive")]
        })
    );
}

#[tokio::test]
async fn the_sensitive_scope_does_not_unlock_names() {
    let f = common::seeded().await;
    let caller = Caller::new("statistician", &["disability:sensitive"]);
    let response = f.run(caller, QUERY, json!({})).await;
    assert_eq!(
        response,
        json!({
            "data": record(Value::Null, Value::Null, Value::Null, json!("HEARING"), json!(4)),
            "errors": [
                refusal("name", "disability:personal"),
                refusal("idNumber", "disability:personal"),
                refusal("phone", "disability:personal"),
            ]
        })
    );
}

#[tokio::test]
async fn filtering_by_category_or_grade_needs_the_sensitive_scope() {
    let f = common::seeded().await;
    let caller = Caller::new("registrar", &["disability:personal"]);
    for filter in ["category: VISUAL", "grade: 1"] {
        let query = format!("{{ disabledPersons(filter: {{{filter}}}) {{ totalCount }} }}");
        let response = f.run(caller.clone(), &query, json!({})).await;
        assert_eq!(
            response,
            error_response(
                "FORBIDDEN",
                "`disabledPersons.filter` requires the scope `disability:sensitive`",
                "disabledPersons"
            ),
            "{filter}"
        );
    }
}

#[test]
fn the_sdl_marks_protected_fields_with_their_scopes() {
    let sdl = quntuan_disability::sdl();
    for field in ["name", "idNumber", "phone"] {
        let line = format!("{field}: String @requiresScopes(scopes: [[\"disability:personal\"]])");
        assert_eq!(
            sdl.matches(&line).count(),
            2,
            "{line} on workers and registry"
        );
    }
    assert!(sdl.contains(
        "category: DisabilityCategory @requiresScopes(scopes: [[\"disability:sensitive\"]])"
    ));
    assert!(sdl.contains("grade: Int @requiresScopes(scopes: [[\"disability:sensitive\"]])"));
}

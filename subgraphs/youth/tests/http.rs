//! The HTTP surface through the kit's router: /health, bearer tokens and scopes.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use quntuan_kit::auth::{DEFAULT_JWT_SECRET, issue_token};
use quntuan_kit::{Progress, Scale, SubgraphService, test_database};
use quntuan_youth::Youth;
use serde_json::{Value, json};
use tower::ServiceExt;

async fn router() -> axum::Router {
    let db = test_database().await;
    Youth.migrate(&db).await.expect("migrations apply");
    Youth
        .seed(&db, Scale::Demo, &Progress::hidden())
        .await
        .expect("demo seed loads");
    Youth.router(db)
}

async fn post(router: axum::Router, token: Option<&str>, query: &str) -> (StatusCode, Value) {
    let mut request = Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let body = Body::from(json!({ "query": query }).to_string());
    let response = router
        .oneshot(request.body(body).expect("request builds"))
        .await
        .expect("router answers");
    let status = response.status();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body reads")
        .to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

const QUERY: &str = r#"{ youthSocialWorkers(limit: 1) { items { id name phone } } }"#;

#[tokio::test]
async fn health_answers_ok() {
    let response = router()
        .await
        .oneshot(
            Request::get("/health")
                .body(Body::empty())
                .expect("request builds"),
        )
        .await
        .expect("router answers");
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn a_bearer_token_with_the_scope_unlocks_personal_fields() {
    // Tests run without QUNTUAN_JWT_SECRET, so the router uses the development secret.
    let token = issue_token(DEFAULT_JWT_SECRET, "officer-7", &["youth:personal"], 600)
        .expect("token issues");
    let (status, body) = post(router().await, Some(&token), QUERY).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        body,
        json!({ "data": { "youthSocialWorkers": { "items": [
            { "id": "youth-worker-0001", "name": "袁建", "phone": "13947891396" }
        ]}}})
    );
}

#[tokio::test]
async fn a_token_signed_with_another_secret_is_refused() {
    let token =
        issue_token("not-the-secret", "mallory", &["youth:personal"], 600).expect("token issues");
    let (status, body) = post(router().await, Some(&token), QUERY).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(body["errors"][0]["extensions"]["code"], json!("FORBIDDEN"));
}

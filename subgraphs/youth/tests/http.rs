//! The HTTP surface through the kit's router: /health, bearer tokens and scopes.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use quntuan_kit::SubgraphService;
use quntuan_kit::auth::{DEFAULT_JWT_SECRET, issue_token};
use quntuan_kit::testing::http::{post_graphql, send};
use quntuan_youth::Youth;
use serde_json::{Value, json};

async fn router() -> axum::Router {
    Youth.router(common::seeded_database().await)
}

async fn post(router: axum::Router, token: Option<&str>, query: &str) -> (StatusCode, Value) {
    let (status, body) = send(router, post_graphql(query, token)).await;
    (status, serde_json::from_str(&body).unwrap_or(Value::Null))
}

const QUERY: &str = r#"{ youthSocialWorkers(limit: 1) { items { id name phone } } }"#;

#[tokio::test]
async fn health_answers_ok() {
    let health = Request::get("/health").body(Body::empty());
    let (status, _) = send(router().await, health.expect("request builds")).await;
    assert_eq!(status, StatusCode::OK);
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

//! The subgraph as the CLI serves it: the router from `Women.router(db)`.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use quntuan_kit::SubgraphService;
use quntuan_kit::auth::{DEFAULT_JWT_SECRET, JWT_SECRET_ENV, issue_token};
use quntuan_women::Women;
use serde_json::{Value, json};
use tower::ServiceExt;

async fn send(router: axum::Router, request: Request<Body>) -> (StatusCode, String) {
    let response = router.oneshot(request).await.expect("the router answers");
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("the body is read")
        .to_bytes();
    (
        status,
        String::from_utf8(body.to_vec()).expect("the body is UTF-8"),
    )
}

fn post(query: &str, token: Option<&str>) -> Request<Body> {
    let mut builder = Request::post("/graphql").header(header::CONTENT_TYPE, "application/json");
    if let Some(token) = token {
        builder = builder.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    builder
        .body(Body::from(json!({ "query": query }).to_string()))
        .expect("the request is well formed")
}

fn token(scopes: &[&str]) -> String {
    let secret = std::env::var(JWT_SECRET_ENV).unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string());
    issue_token(&secret, "officer-9", scopes, 300).expect("a token is issued")
}

#[tokio::test]
async fn serves_health_sdl_and_scoped_queries_over_http() {
    let db = common::seeded_database().await;
    let router = Women.router(db);

    let (status, body) = send(
        router.clone(),
        Request::get("/health")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    let (status, body) = send(router.clone(), post("{ _service { sdl } }", None)).await;
    assert_eq!(status, StatusCode::OK);
    let sdl: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(sdl["data"]["_service"]["sdl"], json!(Women.sdl()));

    let query = r#"{ womenOfficers(filter: {organizationId: "women-unit-000002"}, limit: 1) { items { id name } } }"#;
    let (_, body) = send(
        router.clone(),
        post(query, Some(&token(&["women:personal"]))),
    )
    .await;
    let served: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        served,
        json!({"data": {"womenOfficers": {"items": [{"id": "women-officer-000002", "name": "郭建萍"}]}}})
    );

    let (_, body) = send(router.clone(), post(query, Some(&token(&[])))).await;
    let refused: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        refused["data"],
        json!({"womenOfficers": {"items": [{"id": "women-officer-000002", "name": null}]}})
    );
    assert_eq!(
        refused["errors"][0]["extensions"]["code"],
        json!("FORBIDDEN")
    );

    let (status, _) = send(router, post(query, Some("not-a-token"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

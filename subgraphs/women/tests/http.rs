//! The subgraph as the CLI serves it: the router from `Women.router(db)`.

mod common;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use quntuan_kit::SubgraphService;
use quntuan_kit::testing::{bearer_token, post_graphql, send};
use quntuan_women::Women;
use serde_json::{Value, json};

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

    let (status, body) = send(router.clone(), post_graphql("{ _service { sdl } }", None)).await;
    assert_eq!(status, StatusCode::OK);
    let sdl: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(sdl["data"]["_service"]["sdl"], json!(Women.sdl()));

    let query = r#"{ womenOfficers(filter: {organizationId: "women-unit-000002"}, limit: 1) { items { id name } } }"#;
    let (_, body) = send(
        router.clone(),
        post_graphql(query, Some(&bearer_token(&["women:personal"]))),
    )
    .await;
    let served: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        served,
        json!({"data": {"womenOfficers": {"items": [{"id": "women-officer-000002", "name": "郭建萍"}]}}})
    );

    let (_, body) = send(
        router.clone(),
        post_graphql(query, Some(&bearer_token(&[]))),
    )
    .await;
    let refused: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        refused["data"],
        json!({"womenOfficers": {"items": [{"id": "women-officer-000002", "name": null}]}})
    );
    assert_eq!(
        refused["errors"][0]["extensions"]["code"],
        json!("FORBIDDEN")
    );

    let (status, _) = send(router, post_graphql(query, Some("not-a-token"))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
}

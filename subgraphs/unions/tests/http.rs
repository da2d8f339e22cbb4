//! The subgraph as the CLI serves it: the router from `Unions.router(db)`.

mod common;

use quntuan_kit::testing::{ScopedQuery, assert_serves_over_http};
use quntuan_unions::Unions;
use serde_json::json;

#[tokio::test]
async fn serves_health_sdl_and_scoped_queries_over_http() {
    let db = common::seeded_database().await;
    let case = ScopedQuery {
        query: r#"{ grassrootsUnion(id: "unions-unit-000001") { id chairName } }"#,
        scope: "unions:personal",
        granted: json!({"data": {"grassrootsUnion": {"id": "unions-unit-000001", "chairName": "高军雪"}}}),
        refused_data: json!({"grassrootsUnion": {"id": "unions-unit-000001", "chairName": null}}),
    };
    assert_serves_over_http(&Unions, db, case).await;
}

//! The subgraph as the CLI serves it: the router from `Women.router(db)`.

mod common;

use quntuan_kit::testing::{ScopedQuery, assert_serves_over_http};
use quntuan_women::Women;
use serde_json::json;

#[tokio::test]
async fn serves_health_sdl_and_scoped_queries_over_http() {
    let db = common::seeded_database().await;
    let case = ScopedQuery {
        query: r#"{ womenOfficers(filter: {organizationId: "women-unit-000002"}, limit: 1) { items { id name } } }"#,
        scope: "women:personal",
        granted: json!({"data": {"womenOfficers": {"items": [{"id": "women-officer-000002", "name": "郭建萍"}]}}}),
        refused_data: json!({"womenOfficers": {"items": [{"id": "women-officer-000002", "name": null}]}}),
    };
    assert_serves_over_http(&Women, db, case).await;
}

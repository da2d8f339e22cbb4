//! The monolith answers the deep query with exactly the checked-in expected response, the same
//! bytes the load test demands from every target.

mod common;

use common::{Reply, assert_golden, deep_request_body, send, spawn};
use http::{Method, StatusCode};
use quntuan_bench::{monolith, server};

#[tokio::test]
async fn monolith_answers_the_deep_query_with_the_expected_bytes() {
    let base = spawn("monolith", server::graphql_router(monolith::schema())).await;
    let Reply { status, body, .. } = send(
        Method::POST,
        &format!("{base}/graphql"),
        deep_request_body(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_golden("expected/deep.json", &body);
    // The response must stay a realistic size for the benchmark to mean what it says.
    assert!(
        (80_000..100_000).contains(&body.len()),
        "deep response is {} bytes, expected about 90 KB",
        body.len()
    );
}

#[tokio::test]
async fn monolith_answers_health() {
    let base = spawn("monolith", server::graphql_router(monolith::schema())).await;
    let reply = send(Method::GET, &format!("{base}/health"), String::new()).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
}

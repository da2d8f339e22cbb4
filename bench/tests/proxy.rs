//! The pass-through proxy forwards `POST /graphql` to its upstream unchanged, answers
//! `/health` itself, and reports an unreachable upstream as 502 naming it.

mod common;

use common::{assert_golden, deep_request_body, send, spawn};
use http::{Method, StatusCode};
use quntuan_bench::{monolith, proxy, server};

#[tokio::test]
async fn proxy_forwards_the_deep_query_to_the_monolith_byte_for_byte() {
    let upstream = spawn("monolith", server::graphql_router(monolith::schema())).await;
    let uri = format!("{upstream}/graphql").parse().expect("upstream URI");
    let base = spawn("proxy", proxy::router(uri)).await;
    // Twice, so the second request goes over the pooled connection.
    for _ in 0..2 {
        let reply = send(
            Method::POST,
            &format!("{base}/graphql"),
            deep_request_body(),
        )
        .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(
            reply.content_type.as_deref(),
            Some("application/graphql-response+json")
        );
        assert_golden("expected/deep.json", &reply.body);
    }
}

#[tokio::test]
async fn proxy_answers_health_itself() {
    // Nothing listens on the upstream: health must not depend on it.
    let base = spawn(
        "proxy",
        proxy::router("http://127.0.0.1:9/graphql".parse().expect("URI")),
    )
    .await;
    let reply = send(Method::GET, &format!("{base}/health"), String::new()).await;
    assert_eq!((reply.status, reply.body.as_str()), (StatusCode::OK, "ok"));
}

#[tokio::test]
async fn proxy_reports_an_unreachable_upstream_as_bad_gateway() {
    // Bind and drop a listener so the port is (almost certainly) closed.
    let closed = server::bind(0)
        .await
        .expect("bind")
        .local_addr()
        .expect("addr");
    let upstream = format!("http://{closed}/graphql");
    let base = spawn("proxy", proxy::router(upstream.parse().expect("URI"))).await;
    let reply = send(
        Method::POST,
        &format!("{base}/graphql"),
        r#"{"query":"{me{id}}"}"#.into(),
    )
    .await;
    assert_eq!(reply.status, StatusCode::BAD_GATEWAY);
    assert!(
        reply
            .body
            .starts_with(&format!("upstream {upstream} could not be reached: ")),
        "body: {}",
        reply.body
    );
}

//! A counted subgraph reports at `GET /traffic` exactly the requests and bytes it was sent and
//! answered, and answers them as it would uncounted.

mod common;

use common::{send, spawn};
use http::{Method, StatusCode};
use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::accounts;
use quntuan_bench::traffic::counted;

#[tokio::test]
async fn a_counted_subgraph_reports_requests_and_bytes_both_ways() {
    let base = spawn(
        "accounts",
        counted("accounts", graphql_router(accounts::schema())),
    )
    .await;
    let traffic = || async {
        send(Method::GET, &format!("{base}/traffic"), String::new())
            .await
            .body
    };
    assert_eq!(
        traffic().await,
        r#"{"requests":0,"request_bytes":0,"response_bytes":0}"#
    );

    let body = r#"{"query":"{ me { id } }"}"#;
    let mut answered = 0;
    for _ in 0..2 {
        let reply = send(Method::POST, &format!("{base}/graphql"), body.into()).await;
        assert_eq!(reply.status, StatusCode::OK);
        assert_eq!(reply.body, r#"{"data":{"me":{"id":"1"}}}"#);
        answered += reply.body.len();
    }
    // Neither the health check nor the counts themselves are counted.
    let health = send(Method::GET, &format!("{base}/health"), String::new()).await;
    assert_eq!(health.body, "ok");
    assert_eq!(
        traffic().await,
        format!(
            r#"{{"requests":2,"request_bytes":{},"response_bytes":{answered}}}"#,
            2 * body.len()
        )
    );
}

//! Shared helpers for the bench tests: in-process servers on ephemeral ports, a tiny HTTP
//! client, and golden files that `QUNTUAN_BENCH_BLESS=1` rewrites.

#![allow(
    dead_code,
    unreachable_pub,
    reason = "each test binary uses a different subset of these helpers"
)]

use std::path::PathBuf;

use axum::Router;
use bytes::Bytes;
use http::{Method, Request, StatusCode, header};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use quntuan_bench::server;

/// Serves `router` on 127.0.0.1 with a free port for the rest of the test; returns the base URL.
pub async fn spawn(name: &'static str, router: Router) -> String {
    let listener = server::bind(0).await.expect("bind an ephemeral port");
    let addr = listener.local_addr().expect("bound address");
    tokio::spawn(server::serve(
        name,
        listener,
        router,
        std::future::pending(),
    ));
    format!("http://{addr}")
}

pub struct Reply {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub body: String,
}

pub async fn send(method: Method, url: &str, body: String) -> Reply {
    let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
    let request = Request::builder()
        .method(method)
        .uri(url)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(body)))
        .expect("valid request");
    let response = client.request(request).await.expect("server answers");
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("whole body")
        .to_bytes();
    Reply {
        status,
        content_type,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8 body"),
    }
}

/// POSTs a GraphQL request to `{base}/graphql` and returns the raw response body, asserting 200.
pub async fn graphql(base: &str, query: &str) -> String {
    let body = serde_json::json!({ "query": query }).to_string();
    let reply = send(Method::POST, &format!("{base}/graphql"), body).await;
    assert_eq!(reply.status, StatusCode::OK, "body: {}", reply.body);
    reply.body
}

/// POSTs `query` and parses the answer as JSON, for whole-value comparisons.
pub async fn graphql_json(base: &str, query: &str) -> serde_json::Value {
    serde_json::from_str(&graphql(base, query).await).expect("JSON response")
}

pub fn bench_path(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(relative)
}

pub fn deep_query() -> String {
    std::fs::read_to_string(bench_path("queries/deep.graphql")).expect("read queries/deep.graphql")
}

/// The body a client must send for the deep query; the load test sends exactly these bytes.
pub fn deep_request_body() -> String {
    serde_json::json!({ "query": deep_query(), "operationName": "Deep" }).to_string()
}

/// Compares `actual` with the checked-in file byte for byte; with `QUNTUAN_BENCH_BLESS=1` it
/// rewrites the file instead, so regenerating is a deliberate act that shows up in the diff.
pub fn assert_golden(relative: &str, actual: &str) {
    let path = bench_path(relative);
    if std::env::var_os("QUNTUAN_BENCH_BLESS").is_some() {
        std::fs::write(&path, actual).expect("write golden file");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "read {}: {e} (QUNTUAN_BENCH_BLESS=1 creates it)",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the server's answer (QUNTUAN_BENCH_BLESS=1 rewrites it)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}

//! `@defer` over HTTP: with `Accept: multipart/mixed` the gateway answers in parts as the
//! deferred fetches finish; without it, in one response. The four benchmark subgraphs run in
//! this process on ephemeral ports.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_bench::server::graphql_router;
use quntuan_bench::subgraphs::{accounts, inventory, products, reviews};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tokio::net::TcpListener;

const MULTIPART: &str = "multipart/mixed;deferSpec=20220824, application/json";
const QUERY: &str = r#"{
  topProducts(first: 2) { name ... @defer(label: "stock") { inStock shippingEstimate } }
  me { username ... @defer { reviews { body } } }
}"#;

async fn spawn(app: axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind an ephemeral port");
    let address = listener.local_addr().expect("local address");
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{address}")
}

async fn start() -> String {
    let mut overrides = HashMap::new();
    for (name, app) in [
        ("accounts", graphql_router(accounts::schema())),
        ("inventory", graphql_router(inventory::schema())),
        ("products", graphql_router(products::schema())),
        ("reviews", graphql_router(reviews::schema())),
    ] {
        overrides.insert(name.to_string(), format!("{}/graphql", spawn(app).await));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql");
    let sdl = std::fs::read_to_string(path).expect("bench supergraph");
    let supergraph = Supergraph::parse(&sdl).expect("bench supergraph loads");
    let settings = GatewaySettings {
        url_overrides: overrides,
        ..GatewaySettings::default()
    };
    let gateway = Arc::new(Gateway::new(supergraph, settings));
    spawn(router(gateway, &HttpSettings::default())).await
}

/// (content type, body text) of a POST.
async fn post(url: &str, accept: &str, query: &str) -> (String, String) {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let request = http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header("accept", accept)
        .body(Full::new(Bytes::from(json!({"query": query}).to_string())))
        .expect("request builds");
    let response = client.request(request).await.expect("the gateway answers");
    assert_eq!(response.status(), 200);
    let content_type = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (content_type, String::from_utf8_lossy(&body).to_string())
}

/// The JSON payloads of a `multipart/mixed; boundary="-"` body, checking its framing.
fn parts(body: &str) -> Vec<Value> {
    let body = body
        .strip_suffix("\r\n-----\r\n")
        .unwrap_or_else(|| panic!("the body ends with the closing delimiter: {body:?}"));
    let mut chunks = body.split("\r\n---\r\n");
    assert_eq!(chunks.next(), Some(""), "the body starts with a delimiter");
    chunks
        .map(|chunk| {
            let (headers, payload) = chunk.split_once("\r\n\r\n").expect("part headers");
            assert_eq!(headers, "content-type: application/json; charset=utf-8");
            serde_json::from_str(payload).expect("each part is JSON")
        })
        .collect()
}

#[tokio::test]
async fn deferred_fragments_arrive_in_later_parts_of_a_multipart_answer() {
    let url = start().await;
    let (content_type, body) = post(&url, MULTIPART, QUERY).await;
    assert_eq!(
        content_type,
        "multipart/mixed; boundary=\"-\"; deferSpec=20220824"
    );
    assert_eq!(
        parts(&body),
        vec![
            json!({"data": {"topProducts": [{"name": "Oak Table"}, {"name": "Walnut Chair"}], "me": {"username": "@ada1"}}, "hasNext": true}),
            json!({"incremental": [
                {"data": {"inStock": true, "shippingEstimate": 20}, "path": ["topProducts", 0], "label": "stock"},
                {"data": {"inStock": true, "shippingEstimate": 46}, "path": ["topProducts", 1], "label": "stock"}
            ], "hasNext": true}),
            json!({"incremental": [
                {"data": {"reviews": [
                    {"body": "Sturdy and well made; it arrived a day early and looks great. (review 1)"},
                    {"body": "The finish scratched within a week; it was replaced without fuss. (review 11)"},
                    {"body": "Heavier than expected, so ask a friend to help carry it upstairs. (review 21)"}
                ]}, "path": ["me"]}
            ], "hasNext": false}),
        ]
    );
}

#[tokio::test]
async fn without_multipart_the_deferred_fields_come_in_one_response() {
    let url = start().await;
    let (content_type, body) = post(&url, "application/json", QUERY).await;
    assert_eq!(content_type, "application/json");
    let body: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(
        body,
        json!({"data": {
            "topProducts": [
                {"name": "Oak Table", "inStock": true, "shippingEstimate": 20},
                {"name": "Walnut Chair", "inStock": true, "shippingEstimate": 46}
            ],
            "me": {"username": "@ada1", "reviews": [
                    {"body": "Sturdy and well made; it arrived a day early and looks great. (review 1)"},
                    {"body": "The finish scratched within a week; it was replaced without fuss. (review 11)"},
                    {"body": "Heavier than expected, so ask a friend to help carry it upstairs. (review 21)"}
                ]}
        }})
    );
}

#[tokio::test]
async fn an_operation_without_defer_answers_plain_json_to_a_multipart_client() {
    let url = start().await;
    let (content_type, body) = post(&url, MULTIPART, "{ me { username } }").await;
    assert_eq!(content_type, "application/json");
    let body: Value = serde_json::from_str(&body).expect("JSON");
    assert_eq!(body, json!({"data": {"me": {"username": "@ada1"}}}));
}

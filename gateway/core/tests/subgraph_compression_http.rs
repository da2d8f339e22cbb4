//! Compression between the gateway and its subgraphs over real HTTP: mock subgraphs decode
//! what they receive by its `content-encoding`, keep the encodings they were sent and offered,
//! and answer compressed as a test says; the client's answers are asserted whole.

#[path = "support/server.rs"]
mod server;

use axum::http::HeaderMap;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::subgraph_compression::SubgraphCompressionSettings;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};

const QUERY: &str = "query Both { me { id name } topProducts(first: 1) { upc name } }";

/// What one subgraph request came with: subgraph, `content-encoding`, `accept-encoding` and
/// the decoded body's `query`.
type Seen = (String, String, String, String);
type Received = Arc<Mutex<Vec<Seen>>>;

/// How a mock subgraph encodes its answer.
#[derive(Clone, Copy)]
enum Reply {
    /// With the first algorithm the request offered, or plain.
    AsOffered,
    /// With this `content-encoding` whatever was offered.
    Always(&'static str),
}

fn decode(encoding: &str, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    match encoding {
        "" => out.extend_from_slice(body),
        "gzip" => {
            flate2::read::GzDecoder::new(body)
                .read_to_end(&mut out)
                .expect("gzip");
        }
        "br" => {
            brotli::Decompressor::new(body, 4096)
                .read_to_end(&mut out)
                .expect("brotli");
        }
        "zstd" => out = zstd::decode_all(body).expect("zstd"),
        other => panic!("the gateway sent content-encoding {other}"),
    }
    out
}

fn encode(encoding: &str, body: &[u8]) -> Vec<u8> {
    match encoding {
        "gzip" => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder.write_all(body).expect("gzip");
            encoder.finish().expect("gzip")
        }
        "zstd" => zstd::encode_all(body, 3).expect("zstd"),
        // An encoding the gateway cannot decode: the bytes do not matter.
        _ => body.to_vec(),
    }
}

async fn mock_subgraphs(accounts: Reply, products: Reply, received: Received) -> String {
    let route = |name: &'static str, answer: &'static str, reply: Reply, received: Received| {
        axum::routing::post(move |headers: HeaderMap, body: Bytes| async move {
            let header = |name: &str| {
                headers
                    .get(name)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default()
                    .to_string()
            };
            let sent = header("content-encoding");
            let offered = header("accept-encoding");
            let request: Value =
                serde_json::from_slice(&decode(&sent, &body)).expect("a JSON request");
            received.lock().expect("received").push((
                name.to_string(),
                sent,
                offered.clone(),
                request["query"].as_str().unwrap_or_default().to_string(),
            ));
            let encoding = match reply {
                Reply::AsOffered => offered
                    .split(',')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                Reply::Always(encoding) => encoding.to_string(),
            };
            let mut response = http::Response::builder().header("content-type", "application/json");
            if !encoding.is_empty() {
                response = response.header("content-encoding", encoding.as_str());
            }
            response
                .body(axum::body::Body::from(encode(&encoding, answer.as_bytes())))
                .expect("a response")
        })
    };
    let app = axum::Router::new()
        .route(
            "/accounts",
            route(
                "accounts",
                r#"{"data":{"me":{"id":"1","name":"Ada"}}}"#,
                accounts,
                received.clone(),
            ),
        )
        .route(
            "/products",
            route(
                "products",
                r#"{"data":{"topProducts":[{"upc":"1","name":"Table"}]}}"#,
                products,
                received,
            ),
        );
    server::spawn(app).await
}

async fn gateway(subgraphs: &str, compression: &str) -> String {
    let sdl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql"),
    )
    .expect("the bench supergraph");
    let subgraph_compression: SubgraphCompressionSettings =
        serde_yaml::from_str(compression).expect("settings");
    let settings = GatewaySettings {
        url_overrides: [
            ("accounts".to_string(), format!("{subgraphs}/accounts")),
            ("products".to_string(), format!("{subgraphs}/products")),
        ]
        .into_iter()
        .collect(),
        subgraph_compression,
        ..GatewaySettings::default()
    };
    let gateway = Gateway::try_new(Supergraph::parse(&sdl).expect("supergraph"), settings)
        .expect("settings work");
    let app = router(Arc::new(gateway), &HttpSettings::default());
    format!("{}/graphql", server::spawn(app).await)
}

async fn post(url: &str, query: &str) -> Value {
    let client = Client::builder(TokioExecutor::new()).build_http();
    let request = http::Request::post(url)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from(
            json!({ "query": query }).to_string(),
        )))
        .expect("request");
    let response = client.request(request).await.expect("the gateway answers");
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    serde_json::from_slice(&bytes).expect("JSON")
}

fn received_by(received: &Received) -> Vec<Seen> {
    let mut all = received.lock().expect("received").clone();
    all.sort();
    all
}

fn seen(name: &str, sent: &str, offered: &str, query: &str) -> Seen {
    (name.into(), sent.into(), offered.into(), query.into())
}

fn both() -> Value {
    json!({"data": {"me": {"id": "1", "name": "Ada"}, "topProducts": [{"upc": "1", "name": "Table"}]}})
}

#[tokio::test]
async fn requests_are_compressed_and_compressed_answers_asked_for_per_subgraph() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(Reply::AsOffered, Reply::AsOffered, received.clone()).await;
    let url = gateway(
        &subgraphs,
        "all:\n  request: gzip\n  accept: [zstd, gzip]\nsubgraphs:\n  products:\n    request: br\n    accept: []\n",
    )
    .await;
    assert_eq!(post(&url, QUERY).await, both());
    assert_eq!(
        received_by(&received),
        vec![
            seen(
                "accounts",
                "gzip",
                "zstd, gzip",
                "query Both__accounts__0 {me {id name}}"
            ),
            seen(
                "products",
                "br",
                "",
                "query Both__products__1 {topProducts(first: 1) {upc name}}"
            ),
        ]
    );
}

#[tokio::test]
async fn by_default_nothing_is_compressed_but_a_compressed_answer_is_decoded() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(Reply::Always("gzip"), Reply::AsOffered, received.clone()).await;
    let url = gateway(&subgraphs, "{}").await;
    assert_eq!(post(&url, QUERY).await, both());
    assert_eq!(
        received_by(&received),
        vec![
            seen("accounts", "", "", "query Both__accounts__0 {me {id name}}"),
            seen(
                "products",
                "",
                "",
                "query Both__products__1 {topProducts(first: 1) {upc name}}"
            ),
        ]
    );
}

#[tokio::test]
async fn an_answer_the_gateway_cannot_decode_is_a_failed_fetch() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(Reply::Always("lzma"), Reply::AsOffered, received).await;
    let url = gateway(&subgraphs, "{}").await;
    assert_eq!(
        post(&url, "{ me { id } }").await,
        json!({
            "data": {"me": null},
            "errors": [{
                "message": "subgraph `accounts` request failed: answered with `content-encoding: lzma`, which the gateway cannot decode",
                "extensions": {"code": "SUBGRAPH_REQUEST_FAILED", "serviceName": "accounts"}
            }]
        })
    );
}

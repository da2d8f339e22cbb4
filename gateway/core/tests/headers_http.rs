//! Header rules over real HTTP: a client request goes through the gateway to two mock
//! subgraphs (`accounts` and `products`, real HTTP servers that keep the headers they receive
//! and answer with the headers a test gives them); asserted are the headers each subgraph
//! received and the headers of the client's response.

#[path = "support/server.rs"]
mod server;

use axum::http::HeaderMap;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::headers::HeaderSettings;
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};

const QUERY: &str = "query Both { me { id name } topProducts(first: 1) { upc name } }";

/// The headers each subgraph received, by subgraph, without `host` (its port varies).
type Received = Arc<Mutex<Vec<(String, Vec<(String, String)>)>>>;

/// What a mock subgraph answers: HTTP status and headers.
#[derive(Clone)]
struct Answer {
    status: u16,
    headers: Vec<(&'static str, &'static str)>,
}

fn ok(headers: &[(&'static str, &'static str)]) -> Answer {
    Answer {
        status: 200,
        headers: headers.to_vec(),
    }
}

async fn mock_subgraphs(accounts: Answer, products: Answer, received: Received) -> String {
    let route = |name: &'static str, body: &'static str, answer: Answer, received: Received| {
        axum::routing::post(move |headers: HeaderMap| async move {
            let mut seen: Vec<(String, String)> = headers
                .iter()
                .filter(|(name, _)| *name != "host")
                .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("?").to_string()))
                .collect();
            seen.sort();
            received
                .lock()
                .expect("received")
                .push((name.to_string(), seen));
            let mut response = http::Response::builder()
                .status(answer.status)
                .header("content-type", "application/json");
            for (name, value) in &answer.headers {
                response = response.header(*name, *value);
            }
            // A failing subgraph answers a body that is not GraphQL.
            let body = if answer.status == 200 { body } else { "boom" };
            response
                .body(axum::body::Body::from(body))
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

async fn gateway(subgraphs: &str, headers: HeaderSettings) -> String {
    let sdl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql"),
    )
    .expect("the bench supergraph");
    let settings = GatewaySettings {
        url_overrides: [
            ("accounts".to_string(), format!("{subgraphs}/accounts")),
            ("products".to_string(), format!("{subgraphs}/products")),
        ]
        .into_iter()
        .collect(),
        headers,
        ..GatewaySettings::default()
    };
    let gateway = Gateway::try_new(Supergraph::parse(&sdl).expect("supergraph"), settings)
        .expect("settings work");
    let app = router(Arc::new(gateway), &HttpSettings::default());
    format!("{}/graphql", server::spawn(app).await)
}

/// Posts `query` with the client's `headers`; the response's headers (without `date` and
/// `content-length`) and its body.
async fn post(url: &str, query: &str, headers: &[(&str, &str)]) -> (Vec<(String, String)>, Value) {
    let client = Client::builder(TokioExecutor::new()).build_http();
    let mut request = http::Request::post(url).header("content-type", "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let body = json!({ "query": query }).to_string();
    let response = client
        .request(request.body(Full::new(Bytes::from(body))).expect("request"))
        .await
        .expect("the gateway answers");
    let mut seen: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date" && *name != "content-length")
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap_or("?").to_string()))
        .collect();
    seen.sort();
    let bytes = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (seen, serde_json::from_slice(&bytes).expect("JSON"))
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut out: Vec<_> = list
        .iter()
        .map(|(n, v)| (n.to_string(), v.to_string()))
        .collect();
    out.sort();
    out
}

fn received_by(received: &Received) -> Vec<(String, Vec<(String, String)>)> {
    let mut all = received.lock().expect("received").clone();
    all.sort();
    all
}

/// What the transport itself sends every subgraph.
const TRANSPORT: &[(&str, &str)] = &[
    (
        "accept",
        "application/graphql-response+json, application/json",
    ),
    ("content-type", "application/json"),
];

fn with_transport(extra: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut all = TRANSPORT.to_vec();
    all.extend_from_slice(extra);
    pairs(&all)
}

fn content_length_free(
    received: Vec<(String, Vec<(String, String)>)>,
) -> Vec<(String, Vec<(String, String)>)> {
    received
        .into_iter()
        .map(|(name, headers)| {
            (
                name,
                headers
                    .into_iter()
                    .filter(|(n, _)| n != "content-length")
                    .collect(),
            )
        })
        .collect()
}

fn data() -> Value {
    json!({"data": {"me": {"id": "1", "name": "Ada"}, "topProducts": [{"upc": "1", "name": "Table"}]}})
}

#[tokio::test]
async fn by_default_authorization_reaches_every_subgraph_and_cache_control_is_merged() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(
        ok(&[
            ("cache-control", "public, max-age=60"),
            ("x-served-by", "a"),
        ]),
        ok(&[("cache-control", "public, max-age=30, s-maxage=120")]),
        received.clone(),
    )
    .await;
    let url = gateway(&subgraphs, HeaderSettings::default()).await;
    let (headers, body) = post(
        &url,
        QUERY,
        &[("authorization", "Bearer t"), ("x-tenant-id", "7")],
    )
    .await;
    assert_eq!(body, data());
    assert_eq!(
        headers,
        pairs(&[
            ("cache-control", "public, max-age=30, s-maxage=60"),
            ("content-type", "application/json"),
        ])
    );
    let expected = with_transport(&[("authorization", "Bearer t")]);
    assert_eq!(
        content_length_free(received_by(&received)),
        vec![
            ("accounts".to_string(), expected.clone()),
            ("products".to_string(), expected),
        ]
    );
}

#[tokio::test]
async fn rules_propagate_rename_insert_and_remove_per_subgraph_and_pass_answer_headers() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(
        ok(&[
            ("cache-control", "private, max-age=5"),
            ("x-served-by", "accounts"),
        ]),
        ok(&[("x-served-by", "products"), ("x-version", "3")]),
        received.clone(),
    )
    .await;
    let settings: HeaderSettings = serde_yaml::from_str(
        r#"
all:
  request:
    - propagate: {named: authorization}
    - propagate: {matching: "^x-tenant-"}
    - insert: {name: x-gateway, value: quntuan}
  response: [x-served-by]
subgraphs:
  products:
    request:
      - remove: {named: authorization}
      - propagate: {named: x-client, rename: x-caller}
      - propagate: {named: x-locale, default: en}
      - insert: {name: x-api-key, value: secret}
    response: [x-version]
"#,
    )
    .expect("settings");
    let url = gateway(&subgraphs, settings).await;
    let (headers, body) = post(
        &url,
        QUERY,
        &[
            ("authorization", "Bearer t"),
            ("x-tenant-id", "7"),
            ("x-tenant-region", "eu"),
            ("x-client", "web"),
            ("x-other", "kept back"),
        ],
    )
    .await;
    assert_eq!(body, data());
    // Products gave no cache-control: the response has none.
    let mut served = vec![
        ("content-type".to_string(), "application/json".to_string()),
        ("x-version".to_string(), "3".to_string()),
    ];
    let mut by: Vec<(String, String)> = headers
        .iter()
        .filter(|(n, _)| n == "x-served-by")
        .cloned()
        .collect();
    // Both values, each once, in the order the answers arrived.
    by.sort();
    assert_eq!(
        by,
        pairs(&[("x-served-by", "accounts"), ("x-served-by", "products")])
    );
    served.extend(by);
    served.sort();
    assert_eq!(headers, served);
    assert_eq!(
        content_length_free(received_by(&received)),
        vec![
            (
                "accounts".to_string(),
                with_transport(&[
                    ("authorization", "Bearer t"),
                    ("x-gateway", "quntuan"),
                    ("x-tenant-id", "7"),
                    ("x-tenant-region", "eu"),
                ])
            ),
            (
                "products".to_string(),
                with_transport(&[
                    ("x-api-key", "secret"),
                    ("x-caller", "web"),
                    ("x-gateway", "quntuan"),
                    ("x-locale", "en"),
                    ("x-tenant-id", "7"),
                    ("x-tenant-region", "eu"),
                ])
            ),
        ]
    );
}

#[tokio::test]
async fn no_store_wins_and_a_missing_cache_control_can_be_assumed() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(
        ok(&[("cache-control", "no-store")]),
        ok(&[]),
        received.clone(),
    )
    .await;
    let settings: HeaderSettings = serde_yaml::from_str(
        "subgraphs:\n  products:\n    cache_control_if_missing: \"public, max-age=10\"\n",
    )
    .expect("settings");
    let url = gateway(&subgraphs, settings).await;
    let (headers, _) = post(&url, QUERY, &[]).await;
    assert_eq!(
        headers,
        pairs(&[
            ("cache-control", "no-store"),
            ("content-type", "application/json")
        ])
    );
    let (headers, _) = post(&url, "{ topProducts(first: 1) { upc } }", &[]).await;
    assert_eq!(
        headers,
        pairs(&[
            ("cache-control", "public, max-age=10"),
            ("content-type", "application/json")
        ])
    );
}

#[tokio::test]
async fn a_failed_fetch_leaves_the_response_without_cache_control() {
    let received: Received = Arc::default();
    let subgraphs = mock_subgraphs(
        ok(&[("cache-control", "public, max-age=60")]),
        Answer {
            status: 500,
            headers: vec![("cache-control", "public, max-age=60")],
        },
        received.clone(),
    )
    .await;
    let url = gateway(&subgraphs, HeaderSettings::default()).await;
    let (headers, body) = post(&url, "{ me { id } }", &[]).await;
    assert_eq!(body, json!({"data": {"me": {"id": "1"}}}));
    assert_eq!(
        headers,
        pairs(&[
            ("cache-control", "public, max-age=60"),
            ("content-type", "application/json")
        ])
    );
    let (headers, body) = post(&url, QUERY, &[]).await;
    assert_eq!(body["data"]["me"], json!({"id": "1", "name": "Ada"}));
    assert_eq!(
        body["errors"][0]["extensions"]["code"],
        "SUBGRAPH_REQUEST_FAILED"
    );
    assert_eq!(headers, pairs(&[("content-type", "application/json")]));
}

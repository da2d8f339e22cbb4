//! Traces over real HTTP: a client request with a `traceparent` goes through the gateway to
//! two mock subgraphs (real HTTP servers that keep the `traceparent` they receive); the spans
//! are exported by OTLP/JSON to an in-process collector and asserted span by span. One test
//! function: a process has one tracer, installed here.

#[path = "support/http_client.rs"]
#[expect(dead_code, reason = "only the answers' bodies are asserted here")]
mod http_client;

use axum::body::Bytes;
use axum::http::HeaderMap;
use http_client::{client, post, serve};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::supergraph::Supergraph;
use quntuan_trace::{OtlpSettings, Protocol, TracingSettings};
use serde_json::{Value, json};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

const CLIENT_TRACE: &str = "0af7651916cd43dd8448eb211c80319c";
const CLIENT_SPAN: &str = "b7ad6b7169203331";
const QUERY: &str = "query Both { me { id name } topProducts(first: 1) { upc name } }";

type Received = Arc<Mutex<Vec<(String, String)>>>;

/// Two mock subgraphs on one server: `/accounts` and `/products`, each keeping the
/// `traceparent` of every request.
async fn mock_subgraphs(received: Received) -> String {
    let answer = |name: &'static str, body: &'static str, received: Received| {
        axum::routing::post(move |headers: HeaderMap| async move {
            let traceparent = headers
                .get("traceparent")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("none")
                .to_string();
            received
                .lock()
                .expect("received")
                .push((name.into(), traceparent));
            ([("content-type", "application/json")], body)
        })
    };
    let app = axum::Router::new()
        .route(
            "/accounts",
            answer(
                "accounts",
                r#"{"data":{"me":{"id":"1","name":"Ada"}}}"#,
                received.clone(),
            ),
        )
        .route(
            "/products",
            answer(
                "products",
                r#"{"data":{"topProducts":[{"upc":"1","name":"Table"}]}}"#,
                received,
            ),
        );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

/// An OTLP/HTTP collector keeping every JSON export.
async fn collector(exports: Arc<Mutex<Vec<Value>>>) -> String {
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| async move {
            assert_eq!(headers["content-type"], "application/json");
            let export: Value = serde_json::from_slice(&body).expect("OTLP JSON");
            exports.lock().expect("exports").push(export);
            ([("content-type", "application/json")], "{}")
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

/// Every exported span, with its service's name under `service`.
fn spans(exports: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for export in exports {
        for resource in export["resourceSpans"].as_array().expect("resourceSpans") {
            let service = &resource["resource"]["attributes"][0];
            assert_eq!(service["key"], "service.name");
            for scope in resource["scopeSpans"].as_array().expect("scopeSpans") {
                assert_eq!(scope["scope"]["name"], "quntuan");
                for span in scope["spans"].as_array().expect("spans") {
                    let mut span = span.clone();
                    span["service"] = service["value"]["stringValue"].clone();
                    out.push(span);
                }
            }
        }
    }
    out
}

/// A span's attributes as a map of key to OTLP value.
fn attributes(span: &Value) -> HashMap<String, Value> {
    span["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .map(|kv| {
            (
                kv["key"].as_str().expect("key").to_string(),
                kv["value"].clone(),
            )
        })
        .collect()
}

fn named<'s>(spans: &'s [Value], name: &str) -> Vec<&'s Value> {
    spans.iter().filter(|s| s["name"] == name).collect()
}

#[tokio::test]
async fn a_request_is_one_trace_from_the_client_through_each_subgraph_fetch() {
    let exports: Arc<Mutex<Vec<Value>>> = Arc::default();
    let received: Received = Arc::default();
    let collector = collector(exports.clone()).await;
    let subgraphs = mock_subgraphs(received.clone()).await;
    let installed = quntuan_trace::install(&TracingSettings {
        otlp: Some(OtlpSettings {
            endpoint: collector,
            protocol: Protocol::HttpJson,
            headers: Default::default(),
        }),
        sampling_ratio: 1.0,
        service_name: "gateway-under-test".into(),
    });
    assert_eq!(installed, Ok(true));

    let sdl = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../bench/supergraph.graphql"),
    )
    .expect("the bench supergraph");
    let settings = GatewaySettings {
        url_overrides: [
            ("accounts".to_string(), format!("{subgraphs}/accounts")),
            ("products".to_string(), format!("{subgraphs}/products")),
        ]
        .into(),
        ..GatewaySettings::default()
    };
    let gateway = Gateway::new(Supergraph::parse(&sdl).expect("loads"), settings);
    let url = serve(Arc::new(gateway)).await;
    let client = client();
    let traceparent = format!("00-{CLIENT_TRACE}-{CLIENT_SPAN}-01");
    let answer = post(&client, &url, QUERY, &[("traceparent", &traceparent)]).await;
    assert_eq!(
        answer.body,
        json!({"data": {"me": {"id": "1", "name": "Ada"}, "topProducts": [{"upc": "1", "name": "Table"}]}})
    );
    quntuan_trace::flush().await;

    let spans = spans(&exports.lock().expect("exports"));
    let mut names: Vec<&str> = spans
        .iter()
        .map(|s| s["name"].as_str().expect("name"))
        .collect();
    names.sort_unstable();
    assert_eq!(
        names,
        [
            "execute", "fetch", "fetch", "parse", "plan", "request", "validate"
        ]
    );
    for span in &spans {
        assert_eq!(span["traceId"], CLIENT_TRACE, "one trace: {span}");
        assert_eq!(span["service"], "gateway-under-test");
        assert!(
            span["startTimeUnixNano"]
                .as_str()
                .expect("a string")
                .parse::<u64>()
                .is_ok()
        );
    }

    let request = named(&spans, "request")[0];
    assert_eq!(
        request["parentSpanId"], CLIENT_SPAN,
        "the client's span is the parent"
    );
    assert_eq!(request["kind"], 2, "server");
    let request_attributes = attributes(request);
    assert_eq!(
        request_attributes["graphql.operation.name"],
        json!({"stringValue": "Both"})
    );
    assert_eq!(
        request_attributes["graphql.operation.type"],
        json!({"stringValue": "query"})
    );
    assert_eq!(
        request_attributes["http.request.method"],
        json!({"stringValue": "POST"})
    );
    assert_eq!(
        request_attributes["http.response.status_code"],
        json!({"intValue": "200"})
    );
    assert!(request.get("status").is_none());

    for stage in ["parse", "validate", "plan", "execute"] {
        let stage = named(&spans, stage)[0];
        assert_eq!(stage["parentSpanId"], request["spanId"], "{stage}");
        assert_eq!(stage["kind"], 1, "internal");
    }
    let execute = named(&spans, "execute")[0];
    let mut fetches: Vec<(String, String, String)> = named(&spans, "fetch")
        .into_iter()
        .map(|fetch| {
            assert_eq!(fetch["parentSpanId"], execute["spanId"]);
            assert_eq!(fetch["kind"], 3, "client");
            let attributes = attributes(fetch);
            assert_eq!(
                attributes["graphql.operation.name"],
                json!({"stringValue": "Both"})
            );
            (
                attributes["subgraph.name"]["stringValue"]
                    .as_str()
                    .expect("name")
                    .to_string(),
                attributes["quntuan.fetch.position"]["intValue"]
                    .as_str()
                    .expect("position")
                    .to_string(),
                fetch["spanId"].as_str().expect("id").to_string(),
            )
        })
        .collect();
    fetches.sort();
    let (positions, subgraph_names): (Vec<&str>, Vec<&str>) = fetches
        .iter()
        .map(|(name, position, _)| (position.as_str(), name.as_str()))
        .unzip();
    assert_eq!(subgraph_names, ["accounts", "products"]);
    let mut positions = positions;
    positions.sort_unstable();
    assert_eq!(positions, ["0", "1"], "each fetch's position in the plan");

    // Each subgraph received the trace with its fetch's span as the parent.
    let mut received_now = received.lock().expect("received").clone();
    received_now.sort();
    let expected: Vec<(String, String)> = fetches
        .iter()
        .map(|(name, _, span)| (name.clone(), format!("00-{CLIENT_TRACE}-{span}-01")))
        .collect();
    assert_eq!(received_now, expected);

    // A client that did not sample its trace: the subgraphs still get the trace (unsampled),
    // and nothing is recorded.
    received.lock().expect("received").clear();
    let exported_before = spans.len();
    let unsampled = format!("00-{CLIENT_TRACE}-{CLIENT_SPAN}-00");
    post(&client, &url, QUERY, &[("traceparent", &unsampled)]).await;
    quntuan_trace::flush().await;
    assert_eq!(
        self::spans(&exports.lock().expect("exports")).len(),
        exported_before
    );
    for (_, traceparent) in received.lock().expect("received").iter() {
        assert!(traceparent.starts_with(&format!("00-{CLIENT_TRACE}-")));
        assert!(traceparent.ends_with("-00"));
        assert!(!traceparent.contains(CLIENT_SPAN));
    }

    // No `traceparent`: the gateway starts a trace, and the subgraphs join it.
    received.lock().expect("received").clear();
    post(&client, &url, QUERY, &[]).await;
    quntuan_trace::flush().await;
    let spans = self::spans(&exports.lock().expect("exports"));
    let new: Vec<&Value> = spans[exported_before..].iter().collect();
    assert_eq!(
        new.len(),
        4,
        "request, execute, fetch ×2: the document and plan are cached"
    );
    let request = new
        .iter()
        .find(|s| s["name"] == "request")
        .expect("a request span");
    assert!(request.get("parentSpanId").is_none(), "a root");
    let trace = request["traceId"].as_str().expect("trace id");
    assert_ne!(trace, CLIENT_TRACE);
    for (_, traceparent) in received.lock().expect("received").iter() {
        assert!(traceparent.starts_with(&format!("00-{trace}-")) && traceparent.ends_with("-01"));
    }
    assert_eq!(quntuan_trace::dropped_spans(), 0);
}

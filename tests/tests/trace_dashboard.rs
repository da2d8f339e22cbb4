//! One dashboard request is one trace across seven services: the gateway and the six
//! subgraphs (each on its own runtime and HTTP port, as in production; one process, so one
//! tracer) export their spans by OTLP/JSON to an in-process collector. Asserted span by span:
//! every span is in the client's trace; each subgraph's `request` span is the child of the
//! gateway's `fetch` span for it; each subgraph's database statements are children of its
//! `request` span. One test: a process has one tracer.

use axum::body::Bytes;
use bytes::Bytes as Body;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_e2e::Graph;
use quntuan_trace::{OtlpSettings, Protocol, TracingSettings};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, Mutex};

const CLIENT_TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const CLIENT_SPAN: &str = "00f067aa0ba902b7";
/// What the dashboard asks first: every district with each organisation's counts.
const DASHBOARD: &str = "query Dashboard { regions(level: DISTRICT) { code name unions { grassrootsUnionCount workersHomeCount } youth { branchCount volunteerCount youthHomeCount } women { organizationCount womensHomeCount childrensHomeCount } science { associationCount workstationCount } disability { organizationCount workerCount } } }";
const SUBGRAPHS: [&str; 6] = ["disability", "hub", "science", "unions", "women", "youth"];

async fn collector(exports: Arc<Mutex<Vec<Value>>>) -> String {
    let app = axum::Router::new().route(
        "/v1/traces",
        axum::routing::post(move |body: Bytes| async move {
            let export: Value = serde_json::from_slice(&body).expect("OTLP JSON");
            exports.lock().expect("exports").push(export);
            "{}"
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

/// Every exported span, with `service` set to its resource's `service.name`.
fn spans(exports: &[Value]) -> Vec<Value> {
    let mut out = Vec::new();
    for export in exports {
        for resource in export["resourceSpans"].as_array().expect("resourceSpans") {
            let service = resource["resource"]["attributes"][0]["value"]["stringValue"].clone();
            for scope in resource["scopeSpans"].as_array().expect("scopeSpans") {
                for span in scope["spans"].as_array().expect("spans") {
                    let mut span = span.clone();
                    span["service"] = service.clone();
                    out.push(span);
                }
            }
        }
    }
    out
}

fn attribute<'s>(span: &'s Value, key: &str) -> &'s Value {
    span["attributes"]
        .as_array()
        .expect("attributes")
        .iter()
        .find(|kv| kv["key"] == key)
        .map_or(&Value::Null, |kv| &kv["value"])
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_dashboard_request_is_one_trace_across_seven_services() {
    let exports: Arc<Mutex<Vec<Value>>> = Arc::default();
    let endpoint = collector(exports.clone()).await;
    let installed = quntuan_trace::install(&TracingSettings {
        otlp: Some(OtlpSettings {
            endpoint,
            protocol: Protocol::HttpJson,
            headers: Default::default(),
        }),
        ..TracingSettings::default()
    });
    assert_eq!(installed, Ok(true));
    let graph = Graph::start().await;
    // Composition's `_service` requests and the seeds ran before: only this request counts.
    quntuan_trace::flush().await;
    exports.lock().expect("exports").clear();

    let client: Client<HttpConnector, Full<Body>> =
        Client::builder(TokioExecutor::new()).build_http();
    let request = http::Request::post(&graph.gateway_url)
        .header("content-type", "application/json")
        .header("traceparent", format!("00-{CLIENT_TRACE}-{CLIENT_SPAN}-01"))
        .body(Full::new(Body::from(
            json!({ "query": DASHBOARD }).to_string(),
        )))
        .expect("a request");
    let response = client.request(request).await.expect("the gateway answers");
    let body = response
        .into_body()
        .collect()
        .await
        .expect("a body")
        .to_bytes();
    let body: Value = serde_json::from_slice(&body).expect("JSON");
    assert!(body.get("errors").is_none(), "{body}");
    assert!(
        !body["data"]["regions"]
            .as_array()
            .expect("regions")
            .is_empty()
    );
    quntuan_trace::flush().await;

    let spans = spans(&exports.lock().expect("exports"));
    for span in &spans {
        assert_eq!(span["traceId"], CLIENT_TRACE, "one trace: {span}");
    }
    let services: BTreeSet<&str> = spans.iter().filter_map(|s| s["service"].as_str()).collect();
    let mut expected: BTreeSet<&str> = SUBGRAPHS.into_iter().collect();
    expected.insert("quntuan-gateway");
    assert_eq!(services, expected, "seven services");

    let by_id: BTreeMap<&str, &Value> = spans
        .iter()
        .map(|s| (s["spanId"].as_str().expect("span id"), s))
        .collect();
    let gateway_request = spans
        .iter()
        .find(|s| s["service"] == "quntuan-gateway" && s["name"] == "request")
        .expect("the gateway's request span");
    assert_eq!(gateway_request["parentSpanId"], CLIENT_SPAN);
    assert_eq!(
        attribute(gateway_request, "graphql.operation.name"),
        &json!({"stringValue": "Dashboard"})
    );

    for subgraph in SUBGRAPHS {
        let requests: Vec<&Value> = spans
            .iter()
            .filter(|s| s["service"] == subgraph && s["name"] == "request")
            .collect();
        assert!(!requests.is_empty(), "{subgraph} has a request span");
        for request in &requests {
            assert_eq!(request["kind"], 2, "server");
            let parent = request["parentSpanId"].as_str().expect("a parent");
            let fetch = by_id.get(parent).expect("the parent was exported");
            assert_eq!(fetch["service"], "quntuan-gateway");
            assert_eq!(fetch["name"], "fetch");
            assert_eq!(
                attribute(fetch, "subgraph.name"),
                &json!({"stringValue": subgraph})
            );
            assert_eq!(
                attribute(fetch, "graphql.operation.name"),
                &json!({"stringValue": "Dashboard"})
            );
        }
        let statements: Vec<&Value> = spans
            .iter()
            .filter(|s| s["service"] == subgraph && s["name"] != "request")
            .collect();
        assert!(
            !statements.is_empty(),
            "{subgraph} ran statements: {spans:?}"
        );
        for statement in statements {
            assert_eq!(statement["kind"], 3, "client");
            let parent = statement["parentSpanId"].as_str().expect("a parent");
            assert!(
                requests.iter().any(|r| r["spanId"] == parent),
                "{subgraph}'s statement is a child of its request span: {statement}"
            );
            let system = attribute(statement, "db.system.name");
            assert!(
                system == &json!({"stringValue": "sqlite"})
                    || system == &json!({"stringValue": "postgresql"}),
                "{system}"
            );
            let text = attribute(statement, "db.query.text")["stringValue"]
                .as_str()
                .expect("the statement's text");
            assert!(
                text.to_ascii_uppercase()
                    .starts_with(statement["name"].as_str().expect("name")),
                "{text}"
            );
        }
    }
    assert_eq!(quntuan_trace::dropped_spans(), 0);
}

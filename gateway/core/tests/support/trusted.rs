//! Shared by the trusted-documents tests: a one-subgraph supergraph over mock data, manifests
//! in both formats, a gateway over real HTTP, and requests by ID, by extension and free-form.
#![allow(dead_code)]

use crate::server::{Answer, call, spawn};
use crate::support::mock::MockSubgraphs;
use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::persisted::sha256_hex;
use quntuan_gateway::supergraph::Supergraph;
use quntuan_gateway::trusted::{TrustedDocumentsMode, TrustedDocumentsSettings};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::Ordering;

pub(crate) const SUPERGRAPH: &str = r#"
schema
  @link(url: "https://specs.apollo.dev/link/v1.0")
  @link(url: "https://specs.apollo.dev/join/v0.3", for: EXECUTION)
{ query: Query }
directive @join__graph(name: String!, url: String!) on ENUM_VALUE
directive @join__type(graph: join__Graph!, key: join__FieldSet, extension: Boolean! = false, resolvable: Boolean! = true, isInterfaceObject: Boolean! = false) repeatable on OBJECT | INTERFACE | UNION | ENUM | INPUT_OBJECT | SCALAR
directive @link(url: String, as: String, for: link__Purpose, import: [link__Import]) repeatable on SCHEMA
scalar join__FieldSet
scalar link__Import
enum link__Purpose { SECURITY EXECUTION }
enum join__Graph { HUB @join__graph(name: "hub", url: "http://hub") }
type Query @join__type(graph: HUB) { cityName: String! population: Int! }
"#;

/// The trusted operation, and the same one as another client might format it.
pub(crate) const CITY: &str = "query City { cityName }";
pub(crate) const CITY_REFORMATTED: &str = "# the city\nquery City{\n  cityName,\n}";
/// An operation no manifest here has (until the reload test adds it).
pub(crate) const POPULATION: &str = "query Population { population }";

pub(crate) const CITY_DATA: &str = r#"{"data":{"cityName":"成都市"}}"#;
pub(crate) const POPULATION_DATA: &str = r#"{"data":{"population":20940000}}"#;

pub(crate) fn apollo_manifest(operations: &[(&str, &str)]) -> String {
    let operations: Vec<Value> = operations
        .iter()
        .map(|(id, body)| json!({"id": id, "body": body, "name": "Op", "type": "query"}))
        .collect();
    json!({"format": "apollo-persisted-query-manifest", "version": 1, "operations": operations})
        .to_string()
}

pub(crate) fn relay_manifest(operations: &[(&str, &str)]) -> String {
    let map: serde_json::Map<String, Value> = operations
        .iter()
        .map(|(id, body)| (id.to_string(), Value::String(body.to_string())))
        .collect();
    Value::Object(map).to_string()
}

/// Apollo's manifest with CITY under its SHA-256 (as Apollo's tooling writes it), Relay's
/// under an ID of its own.
pub(crate) fn manifests() -> Vec<(&'static str, String, String)> {
    let hash = sha256_hex(CITY);
    vec![
        ("apollo", apollo_manifest(&[(&hash, CITY)]), hash),
        (
            "relay",
            relay_manifest(&[("relay-city-1", CITY)]),
            "relay-city-1".to_string(),
        ),
    ]
}

/// A manifest file of its own for each gateway (tests run in parallel).
pub(crate) fn manifest_file(text: &str) -> PathBuf {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("quntuan-trusted-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(format!(
        "manifest-{}.json",
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    std::fs::write(&path, text).expect("write the manifest");
    path
}

/// Writes `text` over `path` as deployments should: a new file renamed over the old one.
pub(crate) fn replace(path: &Path, text: &str) {
    let fresh = path.with_extension("new");
    std::fs::write(&fresh, text).expect("write the new manifest");
    std::fs::rename(&fresh, path).expect("rename it over the old one");
}

pub(crate) fn settings(
    mode: TrustedDocumentsMode,
    manifest: Option<&Path>,
) -> TrustedDocumentsSettings {
    TrustedDocumentsSettings {
        mode,
        manifest: manifest.map(|path| path.display().to_string()),
        ..TrustedDocumentsSettings::default()
    }
}

pub(crate) async fn start(trusted: TrustedDocumentsSettings) -> (String, Arc<Gateway>) {
    let data = json!({"hub": {"Query": {"cityName": "成都市", "population": 20940000}}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    let settings = GatewaySettings {
        trusted_documents: trusted,
        ..GatewaySettings::default()
    };
    let gateway = Arc::new(Gateway::with_transport(
        Supergraph::parse(SUPERGRAPH).expect("test supergraph loads"),
        settings,
        mock,
    ));
    let url = spawn(router(gateway.clone(), &HttpSettings::default())).await;
    (url, gateway)
}

pub(crate) const ACCEPT: &str = "application/graphql-response+json";

pub(crate) async fn post(url: &str, body: Value) -> Answer {
    call(
        http::Request::post(format!("{url}/graphql"))
            .header("content-type", "application/json")
            .header("accept", ACCEPT)
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("request builds"),
    )
    .await
}

/// A GET with these query parameters (percent-encoded here), past CSRF prevention.
pub(crate) async fn get(url: &str, params: &[(&str, &str)]) -> Answer {
    let query: Vec<String> = params
        .iter()
        .map(|(name, value)| format!("{name}={}", encode(value)))
        .collect();
    call(
        http::Request::get(format!("{url}/graphql?{}", query.join("&")))
            .header("accept", ACCEPT)
            .header("x-quntuan-csrf", "1")
            .body(Full::new(Bytes::new()))
            .expect("request builds"),
    )
    .await
}

pub(crate) fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

pub(crate) fn by_document_id(id: &str) -> Value {
    json!({"documentId": id})
}

pub(crate) fn by_extension(id: &str) -> Value {
    json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": id}}})
}

pub(crate) fn free_form(query: &str) -> Value {
    json!({"query": query})
}

/// The whole answer of a refusal: status 400, one error with this code, no `data`.
pub(crate) fn assert_refused(answer: &Answer, code: &str, what: &str) {
    assert_eq!(answer.status, 400, "{what}: {}", answer.text);
    assert_eq!(
        answer.body["errors"].as_array().map(Vec::len),
        Some(1),
        "{what}: {}",
        answer.text
    );
    assert_eq!(
        answer.body["errors"][0]["extensions"]["code"], code,
        "{what}: {}",
        answer.text
    );
    assert!(answer.body.get("data").is_none(), "{what}: {}", answer.text);
}

pub(crate) fn assert_served(answer: &Answer, expected: &str, what: &str) {
    assert_eq!(answer.status, 200, "{what}: {}", answer.text);
    assert_eq!(answer.text, expected, "{what}");
}

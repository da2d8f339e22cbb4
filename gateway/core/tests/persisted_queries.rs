//! Automatic persisted queries: in memory always, and shared between two gateway instances
//! through Redis when REDIS_URL is set (CI sets it; an unreachable Redis fails the test).

mod support;

use quntuan_gateway::gateway::{Gateway, GatewaySettings, GraphqlRequest, RequestOptions};
use quntuan_gateway::persisted::sha256_hex;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use std::sync::Arc;
use support::mock::MockSubgraphs;

const SUPERGRAPH: &str = r#"
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
type Query @join__type(graph: HUB) { cityName: String! }
"#;

fn gateway() -> Gateway {
    let data = json!({"hub": {"Query": {"cityName": "成都市"}}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    Gateway::with_transport(
        Supergraph::parse(SUPERGRAPH).expect("loads"),
        GatewaySettings::default(),
        mock,
    )
}

fn request(query: Option<&str>, hash: &str) -> GraphqlRequest {
    let extensions = json!({"persistedQuery": {"version": 1, "sha256Hash": hash}});
    GraphqlRequest {
        query: query.map(str::to_string),
        extensions: extensions.as_object().cloned(),
        ..Default::default()
    }
}

async fn run(gateway: &Gateway, request: GraphqlRequest) -> Value {
    serde_json::to_value(gateway.execute(request, &RequestOptions::default()).await)
        .expect("serialises")
}

/// A query text unique to this test run, so Redis holds no earlier registration of it.
fn unique_query() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("query Run{nanos} {{ cityName }}")
}

async fn unknown_then_registered_then_served_by_hash(registrar: &Gateway, reader: &Gateway) {
    let query = unique_query();
    let hash = sha256_hex(&query);
    let unknown = run(reader, request(None, &hash)).await;
    assert_eq!(
        unknown["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_NOT_FOUND"
    );
    assert!(
        unknown.get("data").is_none(),
        "a request error has no data key"
    );
    let registered = run(registrar, request(Some(&query), &hash)).await;
    assert_eq!(registered, json!({"data": {"cityName": "成都市"}}));
    let by_hash = run(reader, request(None, &hash)).await;
    assert_eq!(by_hash, json!({"data": {"cityName": "成都市"}}));
}

#[tokio::test]
async fn a_query_is_served_by_its_hash_once_registered() {
    let gateway = gateway();
    unknown_then_registered_then_served_by_hash(&gateway, &gateway).await;
}

#[tokio::test]
async fn a_document_that_does_not_match_its_hash_is_refused() {
    let response = run(&gateway(), request(Some("{ cityName }"), &"0".repeat(64))).await;
    assert_eq!(
        response["errors"][0]["extensions"]["code"],
        "PERSISTED_QUERY_HASH_MISMATCH"
    );
}

#[tokio::test]
async fn replicas_share_persisted_queries_through_redis() {
    let Ok(url) = std::env::var("REDIS_URL") else {
        eprintln!("REDIS_URL is not set: the Redis pass runs in CI's second pass");
        return;
    };
    let first = gateway()
        .with_redis(&url)
        .await
        .expect("Redis is reachable at REDIS_URL");
    let second = gateway()
        .with_redis(&url)
        .await
        .expect("Redis is reachable at REDIS_URL");
    unknown_then_registered_then_served_by_hash(&first, &second).await;
}

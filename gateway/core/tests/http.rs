//! End to end over real HTTP: the four standard benchmark subgraphs (async-graphql, in this
//! process, on ephemeral ports) behind the gateway's own HTTP server.

#[path = "support/server.rs"]
mod server;

use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::HttpSettings;
use serde_json::{Value, json};
use server::{call, get, post, repo_file};
use std::time::Duration;

/// The subgraphs (all but those in `down`) and a gateway in front; returns its URL.
async fn start(down: &[&str]) -> String {
    let settings = GatewaySettings {
        subgraph_timeout: Duration::from_secs(5),
        ..GatewaySettings::default()
    };
    let http = HttpSettings {
        max_body_bytes: 64 * 1024,
        ..HttpSettings::default()
    };
    server::start(down, settings, &http).await
}

#[tokio::test]
async fn the_deep_benchmark_query_equals_the_monoliths_answer() {
    let url = start(&[]).await;
    let query = repo_file("bench/queries/deep.graphql");
    let expected: Value =
        serde_json::from_str(&repo_file("bench/expected/deep.json")).expect("expected JSON");
    let answer = call(post(
        &url,
        "application/json",
        json!({"query": query}).to_string(),
    ))
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body, expected);
}

/// What `bench/run.sh` checks under load, here once: every benchmark query (`QUERY=deep`,
/// `typename`, `me`) answered with exactly the bytes of its `bench/expected` file.
#[tokio::test]
async fn the_benchmark_queries_answer_their_expected_bodies_byte_for_byte() {
    let url = start(&[]).await;
    for (query, operation) in [("deep", "Deep"), ("typename", "Typename"), ("me", "Me")] {
        let text = repo_file(&format!("bench/queries/{query}.graphql"));
        let expected = repo_file(&format!("bench/expected/{query}.json"));
        // As bench/wrk/deep.lua: an editor's trailing newline in the file is not part of it.
        let expected = expected.strip_suffix('\n').unwrap_or(&expected);
        let answer = call(post(
            &url,
            "application/json",
            json!({"query": text, "operationName": operation}).to_string(),
        ))
        .await;
        assert_eq!(
            (answer.status, answer.text.as_str()),
            (200, expected),
            "{query}"
        );
    }
}

#[tokio::test]
async fn a_dead_subgraph_gives_partial_data_and_an_error_naming_it() {
    let url = start(&["inventory"]).await;
    let query = "{ topProducts(first: 1) { upc name inStock } }";
    let answer = call(post(
        &url,
        "application/json",
        json!({"query": query}).to_string(),
    ))
    .await;
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body["data"]["topProducts"][0]["upc"], "1");
    assert_eq!(
        answer.body["data"]["topProducts"][0]["inStock"],
        Value::Null
    );
    let error = &answer.body["errors"][0];
    assert_eq!(error["extensions"]["code"], "SUBGRAPH_REQUEST_FAILED");
    assert_eq!(error["extensions"]["serviceName"], "inventory");
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .contains("subgraph `inventory`"),
        "{error}"
    );
}

#[tokio::test]
async fn graphql_over_http_status_codes_and_media_types() {
    let url = start(&[]).await;
    let modern = "application/graphql-response+json";

    let parse_error = call(post(&url, modern, r#"{"query": "{ topProducts {"}"#)).await;
    assert_eq!(
        (parse_error.status, parse_error.content_type.as_str()),
        (400, modern)
    );
    assert_eq!(
        parse_error.body["errors"][0]["extensions"]["code"],
        "GRAPHQL_PARSE_FAILED"
    );
    assert!(parse_error.body.get("data").is_none());

    let legacy = call(post(&url, "application/json", r#"{"query": "{ nope }"}"#)).await;
    assert_eq!(
        (legacy.status, legacy.content_type.as_str()),
        (200, "application/json")
    );
    assert_eq!(
        legacy.body["errors"][0]["extensions"]["code"],
        "GRAPHQL_VALIDATION_FAILED"
    );

    let malformed = call(post(&url, modern, "not json")).await;
    assert_eq!(malformed.status, 400);
    assert_eq!(
        malformed.body["errors"][0]["extensions"]["code"],
        "BAD_REQUEST"
    );

    let unknown = call(post(
        &url,
        modern,
        r#"{"query": "query A { me { id } }", "operationName": "B"}"#,
    ))
    .await;
    assert_eq!(unknown.status, 400);
    assert_eq!(
        unknown.body["errors"][0]["extensions"]["code"],
        "GRAPHQL_UNKNOWN_OPERATION_NAME"
    );

    let mut by_get = get(&url, modern, "query=%7B%20me%20%7B%20username%20%7D%20%7D");
    by_get
        .headers_mut()
        .insert("x-quntuan-csrf", http::HeaderValue::from_static("1"));
    let by_get = call(by_get).await;
    assert_eq!(by_get.status, 200);
    assert_eq!(
        by_get.body["data"]["me"]["username"],
        by_get.body["data"]["me"]["username"]
    );
    assert!(
        by_get.body["data"]["me"]["username"].is_string(),
        "{}",
        by_get.text
    );

    let too_large = call(post(&url, modern, vec![b' '; 128 * 1024])).await;
    assert_eq!(too_large.status, 413);
    assert_eq!(
        too_large.body["errors"][0],
        json!({
            "message": "the request body is larger than 65536 bytes (once decompressed), the limit `max_body_bytes`",
            "extensions": {"code": "REQUEST_TOO_LARGE"}
        })
    );

    let health = call(
        http::Request::get(format!("{url}/health"))
            .body(Full::new(Bytes::new()))
            .expect("request"),
    )
    .await;
    assert_eq!(
        (health.status, health.body.clone()),
        (200, json!({"status": "UP"}))
    );

    let graphiql = call(get(&url, "text/html", "")).await;
    assert_eq!(graphiql.status, 200);
    assert!(graphiql.text.contains("GraphiQL"));
}

#[tokio::test]
async fn the_plan_comes_back_in_extensions_when_asked_for() {
    let url = start(&[]).await;
    let mut request = post(
        &url,
        "application/json",
        json!({"query": "{ topProducts(first: 1) { name inStock } }"}).to_string(),
    );
    request.headers_mut().insert(
        "x-quntuan-query-plan",
        http::HeaderValue::from_static("true"),
    );
    let answer = call(request).await;
    let text = answer.body["extensions"]["queryPlan"]["text"]
        .as_str()
        .unwrap_or_default();
    assert!(text.starts_with("QueryPlan {"), "{}", answer.text);
    assert!(text.contains("Fetch(service: \"inventory\")"), "{text}");
    assert_eq!(answer.body["data"]["topProducts"][0]["name"], "Oak Table");
}

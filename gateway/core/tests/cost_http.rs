//! Demand control over real HTTP, in front of a mock subgraph that counts its calls: `measure`
//! reports the estimated and the actual cost, `enforce` refuses an operation estimated over
//! the maximum before any subgraph is called, and `off` adds nothing.

mod support;

#[path = "support/server.rs"]
mod server;

use quntuan_gateway::cost::{CostMode, DemandControlSettings};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, router};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Value, json};
use server::{Answer, call, post, spawn};
use std::sync::Arc;
use support::mock::MockSubgraphs;

const MODERN: &str = "application/graphql-response+json";

/// One subgraph whose lists carry `@listSize` (shared with `cache_weights.rs`).
const SUPERGRAPH: &str = include_str!("support/costed_supergraph.graphql");

async fn start(mode: CostMode, max_cost: u64) -> (String, Arc<MockSubgraphs>) {
    let volunteers = json!([
        {"id": "v1", "hours": 12},
        {"id": "v2", "hours": 3},
        {"id": "v3", "hours": 7}
    ]);
    let data = json!({"youth": {"Query": {
        "volunteers": volunteers,
        "page": {"total": 3, "items": volunteers}
    }}});
    let mock = Arc::new(MockSubgraphs::new(
        data.as_object().cloned().unwrap_or_default(),
    ));
    let settings = GatewaySettings {
        demand_control: DemandControlSettings {
            mode,
            max_cost,
            list_size: 10,
        },
        ..GatewaySettings::default()
    };
    let gateway = Arc::new(Gateway::with_transport(
        Supergraph::parse(SUPERGRAPH).expect("the test supergraph loads"),
        settings,
        mock.clone(),
    ));
    let url = spawn(router(gateway, &HttpSettings::default())).await;
    (url, mock)
}

async fn send(url: &str, query: &str, variables: Value) -> Answer {
    let body = json!({ "query": query, "variables": variables }).to_string();
    call(post(url, MODERN, body)).await
}

fn subgraph_calls(mock: &MockSubgraphs) -> usize {
    mock.log.lock().expect("log lock").len()
}

fn cost_report(estimated: u64, actual: u64, result: &str) -> Value {
    json!({
        "estimated": estimated,
        "actual": actual,
        "result": result,
        "strategy": "static_estimated"
    })
}

#[tokio::test]
async fn measure_reports_the_estimated_and_the_actual_cost() {
    let (url, mock) = start(CostMode::Measure, 1_000).await;

    // 5 volunteers estimated (1 each, `hours` 2 each), 3 in the answer.
    let answer = send(&url, "{ volunteers(first: 5) { id hours } }", json!({})).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.body["data"]["volunteers"][2]["hours"], 7);
    assert_eq!(
        answer.body["extensions"]["cost"],
        cost_report(15, 9, "COST_OK")
    );

    // The slicing argument from a variable; `sizedFields` size the page's items.
    let query = "query Page($n: Int) { page(limit: $n) { total items { id } } }";
    let answer = send(&url, query, json!({"n": 50})).await;
    assert_eq!(
        answer.body["extensions"]["cost"],
        cost_report(51, 4, "COST_OK")
    );
    let answer = send(&url, query, json!({"n": 2})).await;
    assert_eq!(
        answer.body["extensions"]["cost"],
        cost_report(3, 4, "COST_OK")
    );

    // Over the maximum, measure still answers and says what enforce would do.
    let answer = send(&url, "{ volunteers(first: 4000) { id } }", json!({})).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(
        answer.body["extensions"]["cost"],
        cost_report(4000, 3, "COST_ESTIMATED_TOO_EXPENSIVE")
    );
    assert_eq!(subgraph_calls(&mock), 4);
}

#[tokio::test]
async fn enforce_refuses_before_any_subgraph_is_called() {
    let (url, mock) = start(CostMode::Enforce, 20).await;

    let answer = send(&url, "{ volunteers(first: 100) { id hours } }", json!({})).await;
    assert_eq!(answer.status, 400, "{}", answer.text);
    assert!(answer.body.get("data").is_none(), "{}", answer.text);
    let error = &answer.body["errors"][0];
    assert_eq!(error["extensions"]["code"], "COST_ESTIMATED_TOO_EXPENSIVE");
    assert_eq!(
        error["extensions"]["cost"],
        json!({"estimated": 300, "max": 20})
    );
    let message = error["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("estimated cost is 300, over the maximum `max_cost` of 20"),
        "{message}"
    );

    // The same document with a variable: the cached formula is evaluated per request.
    let query = "query List($n: Int) { volunteers(first: $n) { id hours } }";
    let answer = send(&url, query, json!({"n": 7})).await;
    assert_eq!(answer.status, 400, "{}", answer.text);
    assert_eq!(
        answer.body["errors"][0]["extensions"]["code"],
        "COST_ESTIMATED_TOO_EXPENSIVE"
    );

    // A page without its slicing argument cannot be estimated.
    let answer = send(&url, "{ page { total } }", json!({})).await;
    assert_eq!(answer.status, 400, "{}", answer.text);
    let error = &answer.body["errors"][0];
    assert_eq!(
        error["extensions"]["code"],
        "COST_SLICING_ARGUMENT_REQUIRED"
    );
    assert!(
        error["message"]
            .as_str()
            .unwrap_or_default()
            .starts_with("`Query.page` requires exactly one of its slicing arguments"),
        "{}",
        answer.text
    );
    assert_eq!(subgraph_calls(&mock), 0, "nothing reached the subgraph");

    // Within the maximum: answered, with the report.
    let answer = send(&url, query, json!({"n": 6})).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.body["data"]["volunteers"][0]["id"], "v1");
    assert_eq!(
        answer.body["extensions"]["cost"],
        cost_report(18, 9, "COST_OK")
    );
    assert_eq!(subgraph_calls(&mock), 1);
}

#[tokio::test]
async fn off_costs_nothing_and_reports_nothing() {
    let (url, mock) = start(CostMode::Off, 0).await;
    let answer = send(&url, "{ volunteers(first: 100) { id } }", json!({})).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert!(answer.body.get("extensions").is_none(), "{}", answer.text);
    assert_eq!(subgraph_calls(&mock), 1);
}

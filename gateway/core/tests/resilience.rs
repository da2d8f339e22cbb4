//! Subgraph resilience through the whole gateway: retries, timeouts per subgraph, concurrency
//! limits and circuit breakers, against a scripted in-process subgraph transport.

#[path = "support/scripted.rs"]
mod scripted;

use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::resilience::ResilienceSettings;
use scripted::{BOTH, Fault, Scripted, gateway, run};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::Duration;

fn settings(assignments: &[&str]) -> GatewaySettings {
    let mut resilience = ResilienceSettings::default();
    for assignment in assignments {
        resilience.set(assignment).expect("a valid setting");
    }
    GatewaySettings {
        resilience,
        subgraph_timeout: Duration::from_secs(5),
        ..GatewaySettings::default()
    }
}

fn full_data() -> Value {
    json!({"data": {"me": {"id": "1", "name": "Ada"}, "topProducts": [{"upc": "1", "name": "Table"}]}})
}

fn accounts_failed(message: &str, code: &str) -> Value {
    json!({
        "data": {"me": null, "topProducts": [{"upc": "1", "name": "Table"}]},
        "errors": [{
            "message": message,
            "extensions": {"code": code, "serviceName": "accounts"}
        }]
    })
}

#[tokio::test]
async fn a_query_that_fails_twice_is_retried_and_answers_in_full() {
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::RefuseTimes(2));
    let gateway = gateway(subgraphs.clone(), settings(&["retry_backoff_ms=1"]));
    assert_eq!(run(&gateway, BOTH).await, full_data());
    assert_eq!(subgraphs.calls("accounts"), 3);
    assert_eq!(subgraphs.calls("products"), 1);
}

#[tokio::test]
async fn retries_stop_at_max_retries_and_the_error_names_the_subgraph() {
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Status503Times(10));
    let gateway = gateway(
        subgraphs.clone(),
        settings(&["retry_backoff_ms=1", "accounts.max_retries=1"]),
    );
    assert_eq!(
        run(&gateway, BOTH).await,
        accounts_failed(
            "subgraph `accounts` request failed: answered HTTP 503",
            "SUBGRAPH_REQUEST_FAILED"
        )
    );
    assert_eq!(subgraphs.calls("accounts"), 2);
}

#[tokio::test]
async fn a_subgraph_timeout_overrides_the_global_one() {
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Slow(Duration::from_secs(3)));
    let gateway = gateway(
        subgraphs.clone(),
        settings(&["accounts.timeout_ms=100", "accounts.max_retries=0"]),
    );
    assert_eq!(
        run(&gateway, BOTH).await,
        accounts_failed(
            "subgraph `accounts` did not answer within 100ms",
            "SUBGRAPH_TIMEOUT"
        )
    );
}

#[tokio::test]
async fn a_timed_out_query_is_not_retried_unless_retry_timeouts_is_set() {
    let timed_out = accounts_failed(
        "subgraph `accounts` did not answer within 100ms",
        "SUBGRAPH_TIMEOUT",
    );
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Slow(Duration::from_secs(3)));
    let served = gateway(
        subgraphs.clone(),
        settings(&["accounts.timeout_ms=100", "retry_backoff_ms=1"]),
    );
    assert_eq!(run(&served, BOTH).await, timed_out);
    assert_eq!(
        subgraphs.calls("accounts"),
        1,
        "a timeout is not retried by default"
    );

    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Slow(Duration::from_secs(3)));
    let served = gateway(
        subgraphs.clone(),
        settings(&[
            "accounts.timeout_ms=100",
            "retry_backoff_ms=1",
            "accounts.retry_timeouts=true",
        ]),
    );
    assert_eq!(run(&served, BOTH).await, timed_out);
    assert_eq!(
        subgraphs.calls("accounts"),
        3,
        "the first attempt and max_retries (2)"
    );
}

#[tokio::test]
async fn requests_beyond_the_concurrency_limit_wait_then_fail_naming_the_subgraph() {
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Slow(Duration::from_millis(400)));
    let mut settings = settings(&[
        "accounts.max_concurrent_requests=1",
        "accounts.max_wait_ms=50",
    ]);
    settings.deduplicate_requests = false;
    let gateway = gateway(subgraphs.clone(), settings);
    let (first, second) = tokio::join!(run(&gateway, BOTH), run(&gateway, BOTH));
    let overloaded = accounts_failed(
        "subgraph `accounts` request failed: was not called: all 1 of its request slots stayed busy for 50ms",
        "SUBGRAPH_OVERLOADED",
    );
    let mut answers = [first, second];
    answers.sort_by_key(|a| a.get("errors").is_some());
    assert_eq!(answers, [full_data(), overloaded]);
    assert_eq!(subgraphs.calls("accounts"), 1);
}

#[tokio::test]
async fn an_open_breaker_fails_fast_while_other_subgraphs_answer_and_a_probe_closes_it() {
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::Status503Times(3));
    let gateway = gateway(
        subgraphs.clone(),
        settings(&[
            "max_retries=0",
            "breaker_consecutive_failures=3",
            "breaker_open_ms=300",
        ]),
    );
    for _ in 0..3 {
        assert_eq!(
            run(&gateway, BOTH).await,
            accounts_failed(
                "subgraph `accounts` request failed: answered HTTP 503",
                "SUBGRAPH_REQUEST_FAILED"
            )
        );
    }
    // Open: accounts is not called, products still answers.
    let mut open = run(&gateway, BOTH).await;
    let message = open["errors"][0]["message"].take();
    assert!(
        message.as_str().is_some_and(|m| m.starts_with(
            "subgraph `accounts` request failed: was not called: its circuit breaker is open"
        )),
        "{message}"
    );
    open["errors"][0]["message"] = json!("…");
    assert_eq!(open, accounts_failed("…", "SUBGRAPH_CIRCUIT_OPEN"));
    assert_eq!(subgraphs.calls("accounts"), 3);
    assert_eq!(subgraphs.calls("products"), 4);
    // After the open period one probe goes through; the subgraph has recovered.
    tokio::time::sleep(Duration::from_millis(350)).await;
    assert_eq!(run(&gateway, BOTH).await, full_data());
    assert_eq!(run(&gateway, BOTH).await, full_data());
    assert_eq!(subgraphs.calls("accounts"), 5);
}

#[tokio::test]
async fn a_mutation_is_never_retried() {
    use quntuan_gateway::execute::SubgraphRequest;
    let subgraphs = Arc::new(Scripted::default());
    subgraphs.set("accounts", Fault::RefuseTimes(5));
    let layered = quntuan_gateway::resilience::layered(
        subgraphs.clone(),
        &ResilienceSettings::default(),
        Duration::from_secs(1),
    );
    let request = |is_query: bool| SubgraphRequest {
        service_name: "accounts".into(),
        url: "http://accounts".into(),
        body: bytes::Bytes::from_static(b"{}"),
        headers: Vec::new(),
        deduplicate: is_query,
        traceparent: None,
        response_headers: None,
        shared_parse: None,
    };
    assert!(layered.send(request(false)).await.is_err());
    assert_eq!(subgraphs.calls("accounts"), 1, "a mutation goes out once");
    assert!(layered.send(request(true)).await.is_err());
    assert_eq!(subgraphs.calls("accounts"), 4, "a query is retried twice");
}

mod inbound_deduplication {
    use super::*;
    use quntuan_gateway::gateway::{GraphqlRequest, RequestOptions};

    fn options(authorization: &'static str) -> RequestOptions {
        RequestOptions {
            forwarded_headers: quntuan_gateway::headers::SubgraphHeaders::every(vec![(
                http::header::AUTHORIZATION,
                http::HeaderValue::from_static(authorization),
            )]),
            ..RequestOptions::default()
        }
    }

    async fn concurrently(inbound: bool, callers: &[&'static str]) -> (Vec<Value>, usize) {
        let subgraphs = Arc::new(Scripted::default());
        subgraphs.set("accounts", Fault::Slow(Duration::from_millis(150)));
        let mut settings = settings(&[]);
        settings.deduplicate_requests = false;
        settings.deduplicate_inbound = inbound;
        let gateway = gateway(subgraphs.clone(), settings);
        let answers = futures::future::join_all(callers.iter().map(|caller| {
            let gateway = &gateway;
            async move {
                let request = GraphqlRequest {
                    query: Some(BOTH.into()),
                    ..GraphqlRequest::default()
                };
                let response = gateway.execute(request, &options(caller)).await;
                serde_json::to_value(&response).expect("serializes")
            }
        }))
        .await;
        (answers, subgraphs.calls("accounts"))
    }

    #[tokio::test]
    async fn identical_queries_of_one_caller_run_once() {
        let (answers, calls) = concurrently(true, &["Bearer a"; 5]).await;
        assert_eq!(answers, vec![full_data(); 5]);
        assert_eq!(calls, 1);
    }

    #[tokio::test]
    async fn different_callers_never_share_an_answer() {
        let (answers, calls) =
            concurrently(true, &["Bearer a", "Bearer b", "Bearer a", "Bearer b"]).await;
        assert_eq!(answers, vec![full_data(); 4]);
        assert_eq!(calls, 2);
    }

    #[tokio::test]
    async fn it_is_off_by_default() {
        let (_, calls) = concurrently(false, &["Bearer a"; 3]).await;
        assert_eq!(calls, 3);
    }
}

//! Prometheus metrics over real HTTP: known requests are sent, `/metrics` is scraped, and whole
//! lines are asserted. One test function, because the metrics are process-wide and each test
//! target is its own process: the counts below are exactly those of these requests.

#[path = "support/http_client.rs"]
#[expect(dead_code, reason = "only the status of each answer is asserted here")]
mod http_client;
#[path = "support/scripted.rs"]
#[expect(dead_code, reason = "only the 503 fault is used here")]
mod scripted;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use http_client::{client, post, serve};
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::rate_limit::RateLimitSettings;
use quntuan_gateway::resilience::ResilienceSettings;
use quntuan_gateway::telemetry::MetricsSettings;
use quntuan_gateway::telemetry::metrics::{configure, record_schema_reload};
use scripted::{BOTH, Fault, Scripted, gateway};
use std::sync::Arc;
use std::time::Duration;

async fn scrape(base: &str) -> String {
    let url = base.replace("/graphql", "/metrics");
    let response = client()
        .request(
            http::Request::get(url)
                .body(Full::new(Bytes::new()))
                .expect("a request"),
        )
        .await
        .expect("the gateway answers /metrics");
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; version=0.0.4; charset=utf-8"
    );
    let body = response.into_body().collect().await.expect("a body");
    String::from_utf8(body.to_bytes().to_vec()).expect("UTF-8")
}

/// The lines of `text` that start with `prefix`, in order.
fn lines<'t>(text: &'t str, prefix: &str) -> Vec<&'t str> {
    text.lines().filter(|l| l.starts_with(prefix)).collect()
}

#[tokio::test]
async fn known_requests_show_in_the_scraped_metrics() {
    configure(&MetricsSettings {
        client_name_header: Some("x-team".into()),
        max_operation_names: 2,
        ..MetricsSettings::default()
    });
    let subgraphs = Arc::new(Scripted::default());
    // Accounts fails three times: one retry (budget allows it), then a breaker opens after two
    // failed fetches in a row, and the third request fails fast.
    subgraphs.set("accounts", Fault::Status503Times(4));
    let mut resilience = ResilienceSettings::default();
    for setting in [
        "max_retries=1",
        "retry_backoff_ms=1",
        "breaker_consecutive_failures=2",
        "breaker_open_ms=60000",
    ] {
        resilience.set(setting).expect("a valid setting");
    }
    let mut rate_limits = RateLimitSettings::default();
    for setting in [
        r#"per_client={"per_second":0.001,"burst":4}"#,
        r#"client_keys=["client_name"]"#,
    ] {
        rate_limits.set(setting).expect("a valid setting");
    }
    let settings = GatewaySettings {
        resilience,
        rate_limits,
        subgraph_timeout: Duration::from_secs(5),
        ..GatewaySettings::default()
    };
    let url = serve(Arc::new(gateway(subgraphs.clone(), settings))).await;
    let client = client();
    let products = "query Products { topProducts(first: 1) { upc name } }";
    let web = [("apollographql-client-name", "web")];
    let ops = [("x-team", "ops"), ("apollographql-client-name", "mobile")];
    // Four products queries from web: one document and plan miss, then three hits.
    for _ in 0..4 {
        assert_eq!(post(&client, &url, products, &web).await.status, 200);
    }
    // The fifth is over web's burst: refused before any stage.
    assert_eq!(post(&client, &url, products, &web).await.status, 429);
    // From ops (the configured header wins): accounts fails, is retried once, fails again;
    // the second request opens the breaker; the third fails fast.
    let both = format!("query Both {BOTH}");
    for _ in 0..3 {
        assert_eq!(post(&client, &url, &both, &ops).await.status, 200);
    }
    // A third operation name is past the cap of two; a document that does not parse has none.
    let other = "query Third { topProducts(first: 1) { upc } }";
    assert_eq!(
        post(&client, &url, other, &[("x-team", "ops")])
            .await
            .status,
        200
    );
    assert_eq!(post(&client, &url, "{ nope", &[]).await.status, 200);
    record_schema_reload(true);
    record_schema_reload(false);
    record_schema_reload(true);

    let text = scrape(&url).await;
    assert_eq!(
        lines(&text, "quntuan_requests_total"),
        [
            r#"quntuan_requests_total{status="200",operation="Both",client="ops"} 3"#,
            r#"quntuan_requests_total{status="200",operation="Products",client="web"} 4"#,
            r#"quntuan_requests_total{status="200",operation="other",client="ops"} 1"#,
            r#"quntuan_requests_total{status="200",operation="unknown",client="unknown"} 1"#,
            r#"quntuan_requests_total{status="429",operation="unknown",client="web"} 1"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_requests_in_flight"),
        ["quntuan_requests_in_flight 0"]
    );
    assert_eq!(
        lines(&text, "quntuan_request_duration_seconds_count"),
        ["quntuan_request_duration_seconds_count 10"]
    );
    // Documents: 4 distinct texts, so 4 parses; 3 of them validate (one does not parse).
    assert_eq!(
        lines(&text, "quntuan_stage_duration_seconds_count"),
        [
            r#"quntuan_stage_duration_seconds_count{stage="execute"} 8"#,
            r#"quntuan_stage_duration_seconds_count{stage="parse"} 4"#,
            r#"quntuan_stage_duration_seconds_count{stage="plan"} 3"#,
            r#"quntuan_stage_duration_seconds_count{stage="validate"} 3"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_cache_requests_total"),
        [
            r#"quntuan_cache_requests_total{cache="document",result="hit"} 5"#,
            r#"quntuan_cache_requests_total{cache="document",result="miss"} 4"#,
            r#"quntuan_cache_requests_total{cache="plan",result="hit"} 5"#,
            r#"quntuan_cache_requests_total{cache="plan",result="miss"} 3"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_subgraph_fetch_duration_seconds_count"),
        [
            r#"quntuan_subgraph_fetch_duration_seconds_count{subgraph="accounts"} 3"#,
            r#"quntuan_subgraph_fetch_duration_seconds_count{subgraph="products"} 8"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_subgraph_errors_total"),
        [
            r#"quntuan_subgraph_errors_total{subgraph="accounts",code="SUBGRAPH_CIRCUIT_OPEN"} 1"#,
            r#"quntuan_subgraph_errors_total{subgraph="accounts",code="SUBGRAPH_REQUEST_FAILED"} 2"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_subgraph_retries_total"),
        [r#"quntuan_subgraph_retries_total{subgraph="accounts"} 2"#,]
    );
    assert_eq!(
        lines(&text, "quntuan_circuit_breaker_"),
        [
            r#"quntuan_circuit_breaker_state{subgraph="accounts"} 2"#,
            r#"quntuan_circuit_breaker_transitions_total{subgraph="accounts",state="open"} 1"#,
        ]
    );
    assert_eq!(
        lines(&text, "quntuan_rate_limit_refusals_total"),
        [r#"quntuan_rate_limit_refusals_total{limit="client"} 1"#]
    );
    assert_eq!(
        lines(&text, "quntuan_schema_reloads_total"),
        [
            r#"quntuan_schema_reloads_total{result="failure"} 1"#,
            r#"quntuan_schema_reloads_total{result="success"} 2"#,
        ]
    );
    assert!(text.contains("# TYPE quntuan_subgraph_fetch_duration_seconds histogram\n"));
    assert!(text.contains(
        "quntuan_subgraph_fetch_duration_seconds_bucket{subgraph=\"products\",le=\"+Inf\"} 8\n"
    ));
    assert_eq!(subgraphs.calls("accounts"), 4);
}

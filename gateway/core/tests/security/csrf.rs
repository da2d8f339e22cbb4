//! CSRF prevention: only requests a browser must have preflighted run an operation.

use crate::server::{self, Answer, call};
use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::{CsrfSettings, HttpSettings};
use serde_json::json;

const QUERY: &str = r#"{"query": "{ me { username } }"}"#;
const QUERY_STRING: &str = "query=%7B%20me%20%7B%20username%20%7D%20%7D";

async fn start(csrf: CsrfSettings) -> String {
    let http = HttpSettings {
        csrf,
        ..HttpSettings::default()
    };
    server::start(&[], GatewaySettings::default(), &http).await
}

fn post(url: &str, headers: &[(&'static str, &'static str)]) -> http::Request<Full<Bytes>> {
    let mut request = http::Request::post(format!("{url}/graphql"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request
        .body(Full::new(Bytes::from_static(QUERY.as_bytes())))
        .expect("request builds")
}

fn get(
    url: &str,
    query_string: &str,
    headers: &[(&'static str, &'static str)],
) -> http::Request<Full<Bytes>> {
    let mut request = http::Request::get(format!("{url}/graphql?{query_string}"));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request
        .body(Full::new(Bytes::new()))
        .expect("request builds")
}

fn ran(answer: &Answer) -> bool {
    answer.status == 200 && answer.body["data"]["me"]["username"].is_string()
}

fn refused(answer: &Answer) -> bool {
    answer.status == 400
        && answer.body["errors"][0]["extensions"]["code"] == "CSRF_ERROR"
        && answer.body.get("data").is_none()
}

#[tokio::test]
async fn simple_requests_are_refused_and_preflighted_ones_run() {
    let url = start(CsrfSettings::default()).await;

    // What a web page can send cross-site without a preflight.
    let simple: &[&[(&'static str, &'static str)]] = &[
        &[("content-type", "text/plain")],
        &[("content-type", "text/plain;charset=UTF-8")],
        &[("content-type", "application/x-www-form-urlencoded")],
        &[("content-type", "multipart/form-data; boundary=x")],
        &[],
    ];
    for headers in simple {
        let answer = call(post(&url, headers)).await;
        assert!(
            refused(&answer),
            "{headers:?}: {} {}",
            answer.status,
            answer.text
        );
    }
    let answer = call(get(&url, QUERY_STRING, &[])).await;
    assert!(refused(&answer), "{}", answer.text);
    let answer = call(get(&url, QUERY_STRING, &[("accept", "application/json")])).await;
    assert!(refused(&answer), "{}", answer.text);
    let message = answer.body["errors"][0]["message"].as_str().unwrap_or("");
    assert!(
        message.contains("x-quntuan-csrf") && message.contains("apollo-require-preflight"),
        "{message}"
    );

    // What only a preflighted (or non-browser) request can carry.
    let preflighted: &[&[(&'static str, &'static str)]] = &[
        &[("content-type", "application/json")],
        &[("content-type", "application/json; charset=utf-8")],
        &[("content-type", "text/plain"), ("x-quntuan-csrf", "1")],
        &[("apollo-require-preflight", "true")],
    ];
    for headers in preflighted {
        let answer = call(post(&url, headers)).await;
        assert!(
            ran(&answer),
            "{headers:?}: {} {}",
            answer.status,
            answer.text
        );
    }
    for header in ["x-quntuan-csrf", "apollo-require-preflight"] {
        let answer = call(get(&url, QUERY_STRING, &[(header, "1")])).await;
        assert!(ran(&answer), "{header}: {}", answer.text);
    }
}

#[tokio::test]
async fn graphiql_and_health_keep_working_and_a_linked_query_is_not_run() {
    let url = start(CsrfSettings::default()).await;
    let browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    for query_string in ["", QUERY_STRING] {
        let page = call(get(&url, query_string, &[("accept", browser)])).await;
        assert_eq!(page.status, 200, "{}", page.text);
        assert!(
            page.content_type.starts_with("text/html"),
            "{}",
            page.content_type
        );
        assert!(page.text.contains("GraphiQL"));
        assert!(!page.text.contains(r#""data""#), "the linked query ran");
    }
    let health = call(
        http::Request::get(format!("{url}/health"))
            .body(Full::new(Bytes::new()))
            .expect("request"),
    )
    .await;
    assert_eq!((health.status, health.body), (200, json!({"status": "UP"})));
}

#[tokio::test]
async fn prevention_can_be_switched_off_or_given_other_headers() {
    let off = start(CsrfSettings {
        enabled: false,
        ..CsrfSettings::default()
    })
    .await;
    assert!(ran(
        &call(post(&off, &[("content-type", "text/plain")])).await
    ));
    assert!(ran(&call(get(&off, QUERY_STRING, &[])).await));

    let custom = start(CsrfSettings {
        enabled: true,
        required_headers: vec!["X-Requested-By".into()],
    })
    .await;
    let answer = call(post(&custom, &[("x-requested-by", "app")])).await;
    assert!(ran(&answer), "{}", answer.text);
    let answer = call(post(&custom, &[("x-quntuan-csrf", "1")])).await;
    assert!(refused(&answer), "{}", answer.text);
    let message = answer.body["errors"][0]["message"].as_str().unwrap_or("");
    assert!(message.contains("X-Requested-By"), "{message}");
}

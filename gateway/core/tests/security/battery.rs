//! The hostile-request battery (the OWASP GraphQL cheat sheet's list): every request is
//! answered with the right status and code, and the gateway goes on serving.

use crate::limits::{aliases, doubling_fragments, nested};
use crate::server::{self, Answer, call};
use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::HttpSettings;
use serde_json::json;

const MODERN: &str = "application/graphql-response+json";

fn post_json(url: &str, body: impl Into<Bytes>) -> http::Request<Full<Bytes>> {
    http::Request::post(format!("{url}/graphql"))
        .header("content-type", "application/json")
        .header("accept", MODERN)
        .body(Full::new(body.into()))
        .expect("request builds")
}

fn query(url: &str, text: &str) -> http::Request<Full<Bytes>> {
    post_json(url, json!({ "query": text }).to_string())
}

struct Case {
    name: &'static str,
    request: http::Request<Full<Bytes>>,
    status: u16,
    code: &'static str,
}

fn battery(url: &str) -> Vec<Case> {
    let case = |name, request, status, code| Case {
        name,
        request,
        status,
        code,
    };
    let one = json!({"query": "{ me { id } }"});
    let batch = json!(vec![one; 1_000]).to_string();
    let fields: Vec<String> = (0..1_001).map(|i| format!("f{i}")).collect();
    let mut cycle = String::from("{ ...A } ");
    cycle.push_str("fragment A on Query { ...B __typename } fragment B on Query { ...A }");
    vec![
        case(
            "batching abuse",
            post_json(url, batch),
            400,
            "BATCHING_NOT_ENABLED",
        ),
        case(
            "alias overloading: 10,000 aliases of __typename",
            query(url, &aliases(10_000)),
            400,
            "MAX_TOKENS_LIMIT",
        ),
        case(
            "alias overloading under the token limit",
            query(
                url,
                &format!("{{ me {{ {} }} }}", aliases(1_000).trim_matches(['{', '}'])),
            ),
            400,
            "MAX_ALIASES_LIMIT",
        ),
        case(
            "field duplication",
            query(url, &format!("{{ me {{ {} }} }}", "id ".repeat(6_500))),
            400,
            "MAX_SELECTIONS_LIMIT",
        ),
        case(
            "many distinct fields",
            query(url, &format!("{{ me {{ {} }} }}", fields.join(" "))),
            400,
            "MAX_HEIGHT_LIMIT",
        ),
        case(
            "directive overloading",
            query(
                url,
                &format!("{{ me {{ id {} }} }}", "@skip(if:false) ".repeat(1_500)),
            ),
            400,
            "MAX_DIRECTIVES_LIMIT",
        ),
        case(
            "deep recursion: 300 levels",
            query(url, &nested(300)),
            400,
            "MAX_DEPTH_LIMIT",
        ),
        case(
            "deep recursion: 5,000 levels",
            query(url, &nested(5_000)),
            400,
            "MAX_PARSER_RECURSION_LIMIT",
        ),
        case(
            "exponential fragments",
            query(url, &doubling_fragments(15)),
            400,
            "MAX_SELECTIONS_LIMIT",
        ),
        case(
            "exponential fragments, nested 40 deep",
            query(url, &doubling_fragments(40)),
            400,
            "MAX_FRAGMENT_DEPTH_LIMIT",
        ),
        case(
            "cyclic fragments",
            query(url, &cycle),
            400,
            "GRAPHQL_VALIDATION_FAILED",
        ),
        case(
            "introspection when disabled",
            query(url, "{ __schema { types { name fields { name } } } }"),
            400,
            "INTROSPECTION_DISABLED",
        ),
        case(
            "CSRF: a form post",
            http::Request::post(format!("{url}/graphql"))
                .header("content-type", "application/x-www-form-urlencoded")
                .body(Full::new(Bytes::from_static(
                    b"query=%7B%20me%20%7B%20id%20%7D%20%7D",
                )))
                .expect("request builds"),
            400,
            "CSRF_ERROR",
        ),
        case(
            "CSRF: a GET without a preflight header",
            http::Request::get(format!(
                "{url}/graphql?query=%7B%20me%20%7B%20id%20%7D%20%7D"
            ))
            .body(Full::new(Bytes::new()))
            .expect("request builds"),
            400,
            "CSRF_ERROR",
        ),
        case(
            "oversized body",
            query(
                url,
                &format!("{{ me {{ id }} }} # {}", "x".repeat(3 * 1024 * 1024)),
            ),
            413,
            "REQUEST_TOO_LARGE",
        ),
        case(
            "garbage",
            post_json(url, "\u{0}\u{1}{{{"),
            400,
            "BAD_REQUEST",
        ),
    ]
}

fn still_serving(answer: &Answer) -> bool {
    answer.status == 200 && answer.body["data"]["me"]["id"] == "1"
}

#[tokio::test]
async fn the_hostile_request_battery_is_refused_and_the_gateway_keeps_serving() {
    let settings = GatewaySettings {
        introspection: false,
        ..GatewaySettings::default()
    };
    let url = server::start(&[], settings, &HttpSettings::default()).await;
    let mut failures = Vec::new();
    for case in battery(&url) {
        let answer = call(case.request).await;
        let code = answer.body["errors"][0]["extensions"]["code"]
            .as_str()
            .unwrap_or("");
        if (answer.status, code) != (case.status, case.code) || answer.body.get("data").is_some() {
            failures.push(format!(
                "{}: expected {} {}, got {} {}",
                case.name,
                case.status,
                case.code,
                answer.status,
                answer.text.chars().take(300).collect::<String>()
            ));
        }
        let after = call(query(&url, "{ me { id } }")).await;
        assert!(still_serving(&after), "after {}: {}", case.name, after.text);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    // The whole battery at once, concurrently, then a normal request.
    let tasks: Vec<_> = battery(&url)
        .into_iter()
        .map(|case| tokio::spawn(call(case.request)))
        .collect();
    for task in tasks {
        let answer = task.await.expect("the request task ends");
        assert!(matches!(answer.status, 400 | 413), "{}", answer.status);
    }
    let after = call(query(&url, "{ me { id } }")).await;
    assert!(still_serving(&after), "{}", after.text);
}

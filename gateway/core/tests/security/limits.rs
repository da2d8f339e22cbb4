//! Operation limits over real HTTP: each limit refuses with its own code and a message naming
//! the limit and the value, before validation, and each can be configured.

use crate::server::{self, Answer, call, post};
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::HttpSettings;
use quntuan_gateway::limits::LimitSettings;
use serde_json::json;

const MODERN: &str = "application/graphql-response+json";

pub(crate) async fn start(settings: GatewaySettings) -> String {
    server::start(&[], settings, &HttpSettings::default()).await
}

pub(crate) async fn send(url: &str, query: &str) -> Answer {
    call(post(url, MODERN, json!({ "query": query }).to_string())).await
}

/// Asserts a request error with `code` whose message contains every one of `words`.
pub(crate) fn assert_refused(answer: &Answer, code: &str, words: &[&str]) {
    assert_eq!(answer.status, 400, "{}", answer.text);
    assert!(answer.body.get("data").is_none(), "{}", answer.text);
    let error = &answer.body["errors"][0];
    assert_eq!(error["extensions"]["code"], code, "{}", answer.text);
    let message = error["message"].as_str().unwrap_or_default();
    for word in words {
        assert!(message.contains(word), "`{word}` not in: {message}");
    }
}

pub(crate) fn aliases(count: usize) -> String {
    let fields: Vec<String> = (0..count).map(|i| format!("a{i}: __typename")).collect();
    format!("{{ {} }}", fields.join(" "))
}

pub(crate) fn nested(depth: usize) -> String {
    format!("{}{}", "{ a ".repeat(depth), "}".repeat(depth))
}

/// Fragments each spreading the next twice: `levels` of them expand to 2^levels fields.
pub(crate) fn doubling_fragments(levels: usize) -> String {
    let mut document = String::from("query Bomb { ...F0 }\n");
    for i in 0..levels {
        document.push_str(&format!(
            "fragment F{i} on Query {{ ...F{next} ...F{next} }}\n",
            next = i + 1
        ));
    }
    document.push_str(&format!("fragment F{levels} on Query {{ __typename }}\n"));
    document
}

#[tokio::test]
async fn every_limit_refuses_with_its_own_code_naming_the_limit_and_the_value() {
    let url = start(GatewaySettings::default()).await;

    let answer = send(&url, &format!("{{ {} }}", "a ".repeat(20_000))).await;
    assert_refused(&answer, "MAX_TOKENS_LIMIT", &["`max_tokens`", "15000"]);
    let answer = send(&url, &nested(600)).await;
    assert_refused(
        &answer,
        "MAX_PARSER_RECURSION_LIMIT",
        &["`max_parser_recursion`", "500"],
    );
    let answer = send(&url, &nested(300)).await;
    assert_refused(
        &answer,
        "MAX_DEPTH_LIMIT",
        &[
            "anonymous operation",
            "300 fields deep",
            "`max_depth` of 32",
        ],
    );
    let answer = send(&url, &aliases(500)).await;
    assert_refused(
        &answer,
        "MAX_ALIASES_LIMIT",
        &["500 aliases", "`max_aliases` of 100"],
    );
    let roots: Vec<String> = (0..65).map(|i| format!("f{i}")).collect();
    let answer = send(&url, &format!("query Wide {{ {} }}", roots.join(" "))).await;
    assert_refused(
        &answer,
        "MAX_ROOT_FIELDS_LIMIT",
        &[
            "operation `Wide`",
            "65 root fields",
            "`max_root_fields` of 64",
        ],
    );
    let fields: Vec<String> = (0..1_001).map(|i| format!("f{i}")).collect();
    let answer = send(&url, &format!("{{ me {{ {} }} }}", fields.join(" "))).await;
    assert_refused(
        &answer,
        "MAX_HEIGHT_LIMIT",
        &["1002 distinct fields", "`max_height` of 1000"],
    );
    let answer = send(
        &url,
        &format!("{{ __typename {} }}", "@skip(if: false) ".repeat(9)),
    )
    .await;
    assert_refused(
        &answer,
        "MAX_DIRECTIVES_LIMIT",
        &["9 directives", "`max_directives_per_field` of 8"],
    );
    let mut chain = String::from("{ ...F0 }\n");
    for i in 0..20 {
        chain.push_str(&format!("fragment F{i} on Query {{ ...F{} }}\n", i + 1));
    }
    chain.push_str("fragment F20 on Query { __typename }\n");
    let answer = send(&url, &chain).await;
    assert_refused(
        &answer,
        "MAX_FRAGMENT_DEPTH_LIMIT",
        &["`max_fragment_depth` of 16"],
    );
    let answer = send(&url, &doubling_fragments(15)).await;
    assert_refused(
        &answer,
        "MAX_SELECTIONS_LIMIT",
        &[
            "operation `Bomb`",
            "32768 field selections",
            "`max_selections` of 5000",
        ],
    );

    // Within the limits, the same shapes are answered.
    let answer = send(&url, &aliases(64)).await;
    assert_eq!(answer.status, 200, "{}", answer.text);
    assert_eq!(answer.body["data"]["a63"], "Query");
    let answer = send(&url, &doubling_fragments(5)).await;
    assert_eq!(answer.body, json!({"data": {"__typename": "Query"}}));
}

#[tokio::test]
async fn a_huge_document_is_stopped_by_the_token_limit() {
    let url = start(GatewaySettings::default()).await;
    // About 2 MB of tokens (under the 2 MiB body limit): the parser stops at token 15,001.
    let query = format!("{{ {} }}", "__typename ".repeat(190_000));
    let answer = send(&url, &query).await;
    assert_refused(&answer, "MAX_TOKENS_LIMIT", &["more than 15000 tokens"]);
}

/// Found by the `plan` fuzzer (an out-of-memory): a document within every limit can still hold
/// thousands of mistakes, and each one was answered and kept in the document cache as an error
/// of its own, so distinct such documents grew the cache by megabytes each. At most 100 are
/// reported, then one error saying how many more there are.
#[tokio::test]
async fn a_document_with_thousands_of_mistakes_reports_the_first_hundred() {
    let url = start(GatewaySettings::default()).await;
    let fragments: String = (0..600)
        .map(|i| format!(" fragment F{i} on Query {{ nope{i} }}"))
        .collect();
    let answer = send(&url, &format!("{{ __typename }}{fragments}")).await;
    assert_refused(&answer, "GRAPHQL_VALIDATION_FAILED", &[]);
    let errors = answer.body["errors"].as_array().expect("errors");
    assert_eq!(errors.len(), 101, "{}", answer.text);
    let last = &errors[100];
    assert_eq!(last["extensions"]["code"], "GRAPHQL_VALIDATION_FAILED");
    let message = last["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("1100 more errors") && message.contains("not reported"),
        "{message}"
    );
}

#[tokio::test]
async fn limits_are_configurable_and_introspection_can_be_switched_off() {
    let url = start(GatewaySettings {
        limits: LimitSettings {
            max_depth: 2,
            max_aliases: 0,
            ..LimitSettings::default()
        },
        introspection: false,
        ..GatewaySettings::default()
    })
    .await;
    let answer = send(&url, "{ me { reviews { id } } }").await;
    assert_refused(
        &answer,
        "MAX_DEPTH_LIMIT",
        &["3 fields deep", "`max_depth` of 2"],
    );
    let answer = send(&url, "{ me { name: username } }").await;
    assert_refused(
        &answer,
        "MAX_ALIASES_LIMIT",
        &["1 aliases", "`max_aliases` of 0"],
    );
    let answer = send(&url, "{ me { username } }").await;
    assert!(
        answer.body["data"]["me"]["username"].is_string(),
        "{}",
        answer.text
    );

    let answer = send(&url, "{ __schema { types { name } } }").await;
    assert_refused(
        &answer,
        "INTROSPECTION_DISABLED",
        &["introspection is disabled"],
    );
    let answer = send(
        &url,
        "query { ...T } fragment T on Query { __type(name: \"User\") { name } }",
    )
    .await;
    assert_refused(&answer, "INTROSPECTION_DISABLED", &["`__type`"]);
    let answer = send(&url, "{ __typename }").await;
    assert_eq!(answer.body, json!({"data": {"__typename": "Query"}}));
}

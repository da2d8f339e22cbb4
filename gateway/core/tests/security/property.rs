//! Hostile input never stops the gateway: a bounded property test with a fixed seed. Thousands
//! of inputs, mutated from the repository's own operations and requests, go through POST body
//! decoding, parsing + limits + validation + planning over every fixture supergraph, and a few
//! hundred through the real HTTP server; each must end without a panic in a well-formed answer.

use crate::server::{self, call};
use bytes::Bytes;
use http_body_util::Full;
use quntuan_gateway::error::GraphqlError;
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::http::{HttpSettings, decode_post_body};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Map, Value, json};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

const SEED: u64 = 0x5157_5455_414e_2012;

/// xorshift64*: deterministic, dependency-free, good enough to pick mutations.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Pieces of GraphQL and JSON that make mutations reach deeper than random bytes would.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    ":",
    "...",
    "...F",
    " on ",
    "fragment F on Query { __typename }",
    "@skip(if: true)",
    "@include(if: $v)",
    "@defer",
    "$v",
    "query Q($v: Boolean = true)",
    "mutation",
    "subscription",
    "__typename",
    "__schema { types { name } }",
    "__type(name: \"X\")",
    "a: ",
    "\"\"\"block\"\"\"",
    "\"str\\u00e9\"",
    "-1.5e3",
    "9999999999999999999999",
    "null",
    "true",
    "#comment\n",
    ",",
    "\u{feff}",
    "é",
    "𝔊",
    "\u{0}",
    "\\",
    "\"",
    "{}",
    "[]",
    "{\"query\":",
    "\"variables\":",
    "\"operationName\":",
    "\"extensions\":",
    "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"00\"}}",
];

fn mutate(rng: &mut Rng, input: &str) -> String {
    let mut bytes = input.as_bytes().to_vec();
    for _ in 0..=rng.below(4) {
        let len = bytes.len();
        let at = rng.below(len + 1);
        match rng.below(7) {
            0 if len > 0 => {
                let end = (at + 1 + rng.below(16)).min(len);
                bytes.drain(at.min(end)..end);
            }
            1 => {
                let token = rng.pick(TOKENS).as_bytes();
                bytes.splice(at..at, token.iter().copied());
            }
            2 if len > 0 => {
                let end = (at + 1 + rng.below(64)).min(len);
                let start = at.min(end);
                let piece = bytes[start..end].to_vec();
                for _ in 0..=rng.below(3) {
                    bytes.splice(start..start, piece.iter().copied());
                }
            }
            3 if len > 0 => bytes.truncate(at),
            4 if at < len => bytes[at] = (rng.next() & 0xff) as u8,
            5 => {
                let token = *rng.pick(TOKENS);
                let repeated = token.repeat(1 + rng.below(200));
                bytes.splice(at..at, repeated.bytes());
            }
            _ => {
                let other = rng.pick(TOKENS).as_bytes();
                bytes.extend_from_slice(other);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A well-formed GraphQL error: a message and an upper-case `extensions.code`.
fn assert_well_formed(error: &GraphqlError, input: &str) {
    let json = serde_json::to_value(error).expect("an error serialises");
    let message = json["message"].as_str().unwrap_or_default();
    assert!(
        !message.is_empty(),
        "an error without a message for {input:?}"
    );
    let code = error.code().unwrap_or_default();
    assert!(
        !code.is_empty() && code.chars().all(|c| c.is_ascii_uppercase() || c == '_'),
        "code {code:?} for {input:?}"
    );
}

struct Suite {
    gateway: Gateway,
    operations: Vec<String>,
}

fn suites() -> Vec<Suite> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures folder")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| path.join("supergraph.graphql").exists())
        .collect();
    dirs.sort();
    dirs.iter()
        .filter_map(|dir| {
            let sdl = std::fs::read_to_string(dir.join("supergraph.graphql")).ok()?;
            // Some suites hold a supergraph that must fail to load: nothing to plan there.
            let supergraph = Supergraph::parse(&sdl).ok()?;
            let mut operations = Vec::new();
            let mut cases: Vec<PathBuf> = std::fs::read_dir(dir)
                .ok()?
                .flatten()
                .map(|e| e.path())
                .collect();
            cases.sort();
            operations.extend(
                cases.iter().chain(std::iter::once(dir)).filter_map(|case| {
                    std::fs::read_to_string(case.join("operation.graphql")).ok()
                }),
            );
            (!operations.is_empty()).then(|| Suite {
                gateway: Gateway::new(supergraph, GatewaySettings::default()),
                operations,
            })
        })
        .collect()
}

#[test]
fn mutated_bodies_decode_or_are_refused_with_a_code() {
    let mut rng = Rng(SEED);
    let seeds = [
        json!({"query": "{ me { id } }"}).to_string(),
        json!({"query": "query Q($v: Int) { a(v: $v) }", "variables": {"v": 1}, "operationName": "Q"}).to_string(),
        json!([{"query": "{ a }"}]).to_string(),
        json!({"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "ab"}}}).to_string(),
    ];
    for _ in 0..3_000 {
        let seed = rng.pick(&seeds).clone();
        let body = mutate(&mut rng, &seed);
        let outcome = catch_unwind(|| decode_post_body(body.as_bytes()).err().map(Box::new));
        match outcome {
            Ok(None) => {}
            Ok(Some(error)) => assert_well_formed(&error, &body),
            Err(_) => panic!("decoding panicked on {body:?}"),
        }
    }
}

#[test]
fn mutated_operations_plan_or_fail_with_well_formed_errors_over_every_fixture_supergraph() {
    let suites = suites();
    assert!(
        suites.len() > 50,
        "only {} fixture supergraphs load",
        suites.len()
    );
    let mut rng = Rng(SEED ^ 1);
    let variables: Map<String, Value> = json!({"v": true, "id": "1", "first": 2})
        .as_object()
        .cloned()
        .unwrap_or_default();
    let mut planned = 0;
    for _ in 0..4_000 {
        let suite = rng.pick(&suites);
        let operation = rng.pick(&suite.operations).clone();
        // One in four as written, so that the planner sees many operations at all.
        let query = if rng.below(4) == 0 {
            operation
        } else {
            mutate(&mut rng, &operation)
        };
        let outcome = catch_unwind(AssertUnwindSafe(|| {
            suite.gateway.plan_for(&query, None, &variables)
        }));
        match outcome {
            Ok(Ok(plan)) => match plan.as_ref() {
                Ok(_) => planned += 1,
                Err(error) => assert_well_formed(error, &query),
            },
            Ok(Err(errors)) => {
                assert!(!errors.is_empty(), "refused without an error: {query:?}");
                errors.iter().for_each(|e| assert_well_formed(e, &query));
            }
            Err(_) => panic!("planning panicked on {query:?}"),
        }
    }
    // The mutations must not all be rejected by the parser: some reach the planner.
    assert!(
        planned > 200,
        "only {planned} mutated operations were planned"
    );
}

#[tokio::test]
async fn mutated_requests_through_the_real_server_get_well_formed_answers() {
    let url = server::start(&[], GatewaySettings::default(), &HttpSettings::default()).await;
    let deep = server::repo_file("bench/queries/deep.graphql");
    let seeds = [
        json!({"query": deep}).to_string(),
        json!({"query": "{ me { id username reviews { body product { upc inStock } } } }"}).to_string(),
        json!({"query": "query T($n: Int) { topProducts(first: $n) { name } }", "variables": {"n": 2}}).to_string(),
    ];
    let mut rng = Rng(SEED ^ 2);
    for _ in 0..300 {
        let seed = rng.pick(&seeds).clone();
        let body = mutate(&mut rng, &seed);
        let request = http::Request::post(format!("{url}/graphql"))
            .header("content-type", "application/json")
            .header("accept", "application/graphql-response+json")
            .body(Full::new(Bytes::from(body.clone())))
            .expect("request builds");
        let answer = call(request).await;
        assert!(
            matches!(answer.status, 200 | 400 | 413),
            "{} for {body:?}",
            answer.status
        );
        let object = answer.body.as_object();
        let well_formed = object.is_some_and(|o| {
            o.contains_key("data")
                || o.get("errors")
                    .and_then(Value::as_array)
                    .is_some_and(|errors| !errors.is_empty())
        });
        assert!(well_formed, "{} for {body:?}", answer.text);
    }
    let after = call(server::post(
        &url,
        "application/json",
        json!({"query": "{ me { id } }"}).to_string(),
    ))
    .await;
    assert_eq!(after.body, json!({"data": {"me": {"id": "1"}}}));
}

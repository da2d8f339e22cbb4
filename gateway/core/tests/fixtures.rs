//! Planner and executor fixtures: each folder under tests/fixtures is one case.
//!
//! A case holds `supergraph.graphql`, `subgraphs.json` (mock data, see support/mock.rs),
//! `operation.graphql` and optionally `variables.json` (a subscription is answered with the
//! mock's one event); cases of one suite sit in the suite's
//! folder, which holds the supergraph and mock data they share (a case's own file wins); the expectations are `plan.txt` (the
//! printed query plan) and `response.json` (the whole response). Run with
//! `UPDATE_FIXTURES=1 cargo test -p quntuan-gateway --test fixtures` to write missing or
//! changed expectations, then read the diff before committing it.

mod support;

use quntuan_gateway::gateway::{Gateway, GatewaySettings, GraphqlRequest, RequestOptions};
use quntuan_gateway::subscription::SubscriptionFetches;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use support::mock::MockSubgraphs;

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Compares `actual` with the file, or writes it when UPDATE_FIXTURES is set. Returns a
/// failure description instead of panicking, so every case is reported in one run.
fn expect_file(path: &Path, actual: &str) -> Option<String> {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let expected = std::fs::read_to_string(path).ok();
    if expected.as_deref() == Some(actual) {
        return None;
    }
    if update {
        std::fs::write(path, actual).expect("write fixture expectation");
        return None;
    }
    Some(format!(
        "{} differs\n--- expected\n{}\n--- actual\n{}",
        path.display(),
        expected.unwrap_or_else(|| "(missing)".into()),
        actual
    ))
}

/// The case's own file, or the nearest suite folder's above it.
fn inherited(dir: &Path, name: &str) -> PathBuf {
    let root = fixtures_root();
    let mut current = dir;
    loop {
        let candidate = current.join(name);
        if candidate.exists() || current == root {
            return candidate;
        }
        match current.parent() {
            Some(parent) => current = parent,
            None => return candidate,
        }
    }
}

fn fixtures_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Subgraph requests of the solo runs and of the runs together ([`answers_together`]).
#[derive(Default)]
struct Sharing {
    alone: usize,
    together: usize,
}

async fn run_case(dir: &Path, sharing: &mut Sharing) -> Vec<String> {
    let mut failures = Vec::new();
    let sdl = read(&inherited(dir, "supergraph.graphql"));
    let supergraph = match Supergraph::parse(&sdl) {
        Ok(s) => s,
        Err(e) => return vec![format!("{}: supergraph does not load: {e}", dir.display())],
    };
    let data: serde_json::Map<String, Value> =
        serde_json::from_str(&read(&inherited(dir, "subgraphs.json")))
            .expect("subgraphs.json is a JSON object");
    let mock = Arc::new(MockSubgraphs::new(data.clone()));
    let gateway = Gateway::with_transport(supergraph, GatewaySettings::default(), mock.clone());
    let query = read(&dir.join("operation.graphql"));
    let variables: serde_json::Map<String, Value> =
        std::fs::read_to_string(dir.join("variables.json"))
            .ok()
            .map(|text| serde_json::from_str(&text).expect("variables.json is a JSON object"))
            .unwrap_or_default();

    let plan_text = match gateway.plan_for(&query, None, &variables) {
        Ok(planned) => match planned.as_ref() {
            Ok(prepared) => prepared.plan.to_string(),
            Err(error) => format!("error: {}\n", error.message),
        },
        Err(errors) => format!(
            "error: {}\n",
            errors
                .iter()
                .map(|e| e.message.clone())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    };
    failures.extend(expect_file(&dir.join("plan.txt"), &plan_text));

    // A subscription case is answered with its one event: the mock's `Subscription` root.
    let is_subscription = query.trim_start().starts_with("subscription");
    let request = GraphqlRequest {
        query: Some(query),
        variables: Some(variables),
        ..Default::default()
    };
    let options = RequestOptions {
        allow_mutations: true,
        subscription: is_subscription.then(|| SubscriptionFetches(mock.clone())),
        ..Default::default()
    };
    let is_query = !is_subscription && !query_is_mutation(request.query.as_deref());
    let response = gateway.execute(request.clone(), &options).await;
    let value = serde_json::to_value(&response).expect("response serialises");
    let mut text = serde_json::to_string_pretty(&value).expect("response prints");
    text.push('\n');
    failures.extend(expect_file(&dir.join("response.json"), &text));
    if is_query {
        let alone = mock.log.lock().expect("log").len();
        let together = MockSubgraphs::new(data).yielding(1);
        let sent = answers_together(&sdl, together, &request, &value, dir, &mut failures).await;
        sharing.alone += alone;
        sharing.together += sent;
    }
    failures
}

fn query_is_mutation(query: Option<&str>) -> bool {
    query.is_some_and(|q| q.trim_start().starts_with("mutation"))
}

/// How many clients send the case's query at once in [`answers_together`].
const TOGETHER: usize = 3;

/// The case's query from [`TOGETHER`] clients at once, over subgraphs slow enough that their
/// requests are in flight together: deduplication shares each subgraph answer among them (one
/// parse, merged into each response by reference), and every client must get the response the
/// query gets alone (`alone`; errors compared in any order, as parallel fetches may report
/// them in another). Returns the subgraph requests sent.
async fn answers_together(
    sdl: &str,
    mock: MockSubgraphs,
    request: &GraphqlRequest,
    alone: &Value,
    dir: &Path,
    failures: &mut Vec<String>,
) -> usize {
    let mock = Arc::new(mock);
    let supergraph = Supergraph::parse(sdl).expect("parsed once already");
    let gateway = Gateway::with_transport(supergraph, GatewaySettings::default(), mock.clone());
    let options = RequestOptions::default();
    let responses = futures::future::join_all(
        (0..TOGETHER).map(|_| gateway.execute(request.clone(), &options)),
    )
    .await;
    let comparable = |response: &Value| {
        let mut response = response.clone();
        if let Some(errors) = response.get_mut("errors").and_then(Value::as_array_mut) {
            errors.sort_by_key(|e| e.to_string());
        }
        response
    };
    let expected = comparable(alone);
    for (client, response) in responses.iter().enumerate() {
        let value = serde_json::to_value(response).expect("response serialises");
        if comparable(&value) != expected {
            failures.push(format!(
                "{}: client {client} of {TOGETHER} sending together got\n{value:#}\ninstead of\n{alone:#}",
                dir.display()
            ));
        }
    }
    mock.log.lock().expect("log").len()
}

fn cases() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for path in entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
        {
            // A suite folder can be a case itself and still hold more cases below it.
            if path.join("operation.graphql").exists() {
                out.push(path.clone());
            }
            walk(&path, out);
        }
    }
    let mut cases = Vec::new();
    walk(&fixtures_root(), &mut cases);
    cases.sort();
    cases
}

#[tokio::test]
async fn every_fixture_plans_and_answers_as_expected() {
    let cases = cases();
    assert!(!cases.is_empty(), "no fixtures found");
    let mut failures = Vec::new();
    let mut sharing = Sharing::default();
    for case in &cases {
        failures.extend(run_case(case, &mut sharing).await);
    }
    // The runs together share: far fewer requests than each client sending its own.
    println!(
        "{TOGETHER} clients together sent {} subgraph requests where one sent {}",
        sharing.together, sharing.alone
    );
    assert!(
        sharing.together < 2 * sharing.alone,
        "{TOGETHER} clients together sent {} subgraph requests where one sent {}: deduplication did not share",
        sharing.together,
        sharing.alone
    );
    assert!(
        failures.is_empty(),
        "{} of {} fixture cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

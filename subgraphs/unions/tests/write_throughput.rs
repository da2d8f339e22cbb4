//! The write-throughput measurement of issue 11 (ignored: run it on purpose, see
//! BENCHMARKS.md): 20 clients each registering 40 grassroots unions with distinct names in
//! one district, over HTTP on 127.0.0.1 against the unions subgraph as the CLI serves it,
//! on a SQLite file (or PostgreSQL when DATABASE_URL is set). Prints the committed count,
//! writes per second and latency percentiles; fails unless every write commits.
//!
//! ```sh
//! cargo test -p quntuan-unions --test write_throughput -- --ignored --nocapture
//! DATABASE_URL=postgres://postgres@127.0.0.1:5432/test \
//!   cargo test -p quntuan-unions --test write_throughput -- --ignored --nocapture
//! ```

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper::header::{AUTHORIZATION, CONTENT_TYPE};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use quntuan_kit::SubgraphService;
use quntuan_kit::auth::{DEFAULT_JWT_SECRET, JWT_SECRET_ENV, issue_token};
use quntuan_kit::testing::{outcome, run_clients, shared_seeded_database};
use quntuan_unions::Unions;
use serde_json::{Value, json};

/// The issue's scenario; `WRITE_CLIENTS` and `WRITE_COUNT` change it (e.g. one client for
/// a baseline without contention).
const CLIENTS: usize = 20;
const WRITES: usize = 40;

fn from_env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
/// A community of district 510116: every write lands on the same summary rows.
const COMMUNITY: &str = "510116001002";

const REGISTER: &str = "mutation($input: RegisterGrassrootsUnionInput!) { registerGrassrootsUnion(input: $input) { id } }";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[index]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "a measurement: run with --ignored --nocapture (BENCHMARKS.md)"]
async fn twenty_clients_register_forty_unions_each_over_http() {
    let (clients, writes) = (
        from_env("WRITE_CLIENTS", CLIENTS),
        from_env("WRITE_COUNT", WRITES),
    );
    let shared = shared_seeded_database(&Unions).await;
    let backend = format!("{:?}", shared.db.get_database_backend());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port on 127.0.0.1");
    let address = listener.local_addr().expect("the bound address");
    let router = Unions.router(shared.db.clone());
    tokio::spawn(async move { axum::serve(listener, router).await });

    let secret = std::env::var(JWT_SECRET_ENV).unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string());
    let token = issue_token(&secret, "officer-9", &[], 3600).expect("a token is issued");
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let uri = format!("http://{address}/graphql");

    let started = Instant::now();
    let results = run_clients(clients, writes, move |c, n| {
        let (client, uri, token) = (client.clone(), uri.clone(), token.clone());
        async move {
            let body = json!({"query": REGISTER, "variables": {"input": {
                "name": format!("测速工会-{c:02}-{n:02}"), "kind": "ENTERPRISE",
                "regionCode": COMMUNITY, "memberCount": 86, "foundedOn": "2025-06-18",
                "chairName": "李华", "chairPhone": "13900001111"
            }}});
            let request = Request::post(uri)
                .header(CONTENT_TYPE, "application/json")
                .header(AUTHORIZATION, format!("Bearer {token}"))
                .body(Full::new(Bytes::from(body.to_string())))
                .expect("a well-formed request");
            let sent = Instant::now();
            let response = client.request(request).await.expect("the subgraph answers");
            let bytes = response
                .into_body()
                .collect()
                .await
                .expect("the body is read")
                .to_bytes();
            let latency = sent.elapsed();
            let answer: Value = serde_json::from_slice(&bytes).expect("a JSON answer");
            (outcome(&answer), latency)
        }
    })
    .await;
    let wall = started.elapsed();

    let mut outcomes: BTreeMap<String, usize> = BTreeMap::new();
    let mut latencies: Vec<Duration> = Vec::with_capacity(clients * writes);
    for (result, latency) in results.into_iter().flatten() {
        *outcomes.entry(result).or_default() += 1;
        latencies.push(latency);
    }
    latencies.sort();
    let committed = outcomes.get("OK").copied().unwrap_or(0);
    println!(
        "{backend}: {committed}/{} committed in {:.2} s = {:.1} writes/s; latency p50 {:.1} ms, \
         p99 {:.1} ms, max {:.1} ms; outcomes {outcomes:?}",
        clients * writes,
        wall.as_secs_f64(),
        committed as f64 / wall.as_secs_f64(),
        percentile(&latencies, 0.50).as_secs_f64() * 1e3,
        percentile(&latencies, 0.99).as_secs_f64() * 1e3,
        percentile(&latencies, 1.0).as_secs_f64() * 1e3,
    );
    assert_eq!(committed, clients * writes, "{outcomes:?}");
}

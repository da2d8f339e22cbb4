//! The gateway's own work on one request, without the network: the standard benchmark's deep
//! query (plan-cache hit, representations, parsing the subgraphs' answers, merging, shaping,
//! serialising) against recorded subgraph answers, and the tiny queries whose cost is all
//! fixed per-request overhead.
//!
//! `cargo bench -p quntuan-gateway --bench executor`

#[path = "support/deep.rs"]
mod deep;

use criterion::{Criterion, criterion_group, criterion_main};
use quntuan_gateway::gateway::RequestOptions;
use std::hint::black_box;

const TYPENAME: &str = "{ __typename }";
const TRIVIAL: &str = "{ me { id } }";

fn executor(c: &mut Criterion) {
    let runtime = deep::runtime();
    let query = deep::read("bench/queries/deep.graphql");
    let (gateway, _) = deep::replaying_gateway(&runtime, &[&query, TRIVIAL]);
    let options = RequestOptions::default();
    let expected = deep::read("bench/expected/deep.json");
    let first = runtime.block_on(gateway.execute(deep::request(&query), &options));
    assert_eq!(
        deep::body(&first),
        expected.trim_end(),
        "the replayed deep query answers the expected body"
    );
    c.bench_function("deep query, whole request without network", |b| {
        b.iter(|| {
            let response = runtime.block_on(gateway.execute(deep::request(&query), &options));
            black_box(deep::body(&response).len())
        })
    });
    c.bench_function("tiny query { __typename }, whole request", |b| {
        b.iter(|| {
            let response = runtime.block_on(gateway.execute(deep::request(TYPENAME), &options));
            black_box(deep::body(&response).len())
        })
    });
    c.bench_function(
        "trivial fetch { me { id } }, whole request without network",
        |b| {
            b.iter(|| {
                let response = runtime.block_on(gateway.execute(deep::request(TRIVIAL), &options));
                black_box(deep::body(&response).len())
            })
        },
    );
}

criterion_group!(benches, executor);
criterion_main!(benches);

//! Heap allocations per request (issue 14 point 3), counted by a counting global allocator
//! around the system one: the deep query against recorded subgraph answers (no network, so
//! only the gateway's own allocations), and the tiny queries. Prints one line per query.
//!
//! `cargo bench -p quntuan-gateway --bench allocations`

#[path = "support/deep.rs"]
mod deep;

use quntuan_gateway::gateway::RequestOptions;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ROUNDS: usize = 200;

fn main() {
    let runtime = deep::runtime();
    let query = deep::read("bench/queries/deep.graphql");
    let (gateway, _) = deep::replaying_gateway(&runtime, &[&query, "{ me { id } }"]);
    let options = RequestOptions::default();
    for (name, query) in [
        ("deep query", query.as_str()),
        ("{ __typename }", "{ __typename }"),
        ("{ me { id } }", "{ me { id } }"),
    ] {
        // Warm: the plan cache holds the plan, pools and buffers have grown.
        for _ in 0..20 {
            let response = runtime.block_on(gateway.execute(deep::request(query), &options));
            std::hint::black_box(deep::body(&response));
        }
        let region = Region::new(GLOBAL);
        let mut bytes = 0;
        for _ in 0..ROUNDS {
            let response = runtime.block_on(gateway.execute(deep::request(query), &options));
            bytes = deep::body(&response).len();
        }
        let change = region.change();
        println!(
            "{name}: {:.1} allocations, {:.1} reallocations, {:.0} bytes allocated per request ({bytes}-byte response)",
            change.allocations as f64 / ROUNDS as f64,
            change.reallocations as f64 / ROUNDS as f64,
            change.bytes_allocated as f64 / ROUNDS as f64,
        );
    }
}

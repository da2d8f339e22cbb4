//! Micro-benchmarks of the stages that dominate a request: planning (cold, and a plan-cache
//! hit) of the standard federation benchmark's deep query (bench/supergraph.graphql) and of
//! the cross-organisation dashboard (schema/supergraph.graphql), shaping + serialising a
//! 90 KB response (with the shaping plan kept, as the gateway keeps it, and compiled anew), and parsing the deep query's recorded subgraph answers into the executor's
//! tree ([`quntuan_gateway::data::Data`]) next to `serde_json::Value`.
//!
//! `cargo bench -p quntuan-gateway --bench pipeline`

#[path = "support/deep.rs"]
mod deep;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use quntuan_gateway::data::{Data, parse};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::response::{ShapePlan, shape};
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Map, Value};
use std::hint::black_box;

use deep::read;

fn gateway(sdl: &str) -> Gateway {
    Gateway::new(
        Supergraph::parse(sdl).expect("bench supergraph loads"),
        GatewaySettings::default(),
    )
}

fn planning(c: &mut Criterion) {
    let sdl = read("bench/supergraph.graphql");
    let query = read("bench/queries/deep.graphql");
    let variables = Map::new();
    c.bench_function("plan deep query, cold (parse + validate + plan)", |b| {
        b.iter_batched(
            || gateway(&sdl),
            |gateway| black_box(gateway.plan_for(&query, None, &variables).is_ok()),
            BatchSize::SmallInput,
        )
    });
    let warm = gateway(&sdl);
    let _ = warm.plan_for(&query, None, &variables);
    c.bench_function("plan deep query, cache hit", |b| {
        b.iter(|| black_box(warm.plan_for(&query, None, &variables).is_ok()))
    });
}

fn dashboard_planning(c: &mut Criterion) {
    let sdl = read("schema/supergraph.graphql");
    let query = read("bench/queries/dashboard.graphql");
    let variables = Map::new();
    c.bench_function(
        "plan dashboard query, cold (parse + validate + plan)",
        |b| {
            b.iter_batched(
                || gateway(&sdl),
                |gateway| black_box(gateway.plan_for(&query, None, &variables).is_ok()),
                BatchSize::SmallInput,
            )
        },
    );
    let warm = gateway(&sdl);
    assert!(
        matches!(
            warm.plan_for(&query, None, &variables).as_deref(),
            Ok(Ok(_))
        ),
        "the dashboard query plans against the repository's supergraph"
    );
    c.bench_function("plan dashboard query, cache hit", |b| {
        b.iter(|| black_box(warm.plan_for(&query, None, &variables).is_ok()))
    });
}

fn shaping(c: &mut Criterion) {
    let sdl = read("bench/supergraph.graphql");
    let query = read("bench/queries/deep.graphql");
    let expected: Value =
        serde_json::from_str(&read("bench/expected/deep.json")).expect("expected JSON");
    let merged = Data::from(expected["data"].clone());
    let gateway = gateway(&sdl);
    let planned = gateway
        .plan_for(&query, None, &Map::new())
        .expect("deep query validates");
    let prepared = planned.as_ref().as_ref().expect("deep query plans");
    let schema = &gateway.supergraph().api_schema;
    // As the gateway does: the plan is compiled once per query plan, then walked per request.
    let plan = ShapePlan::new(schema, &prepared.selection, &prepared.root_type);
    c.bench_function("shape + serialise 90 KB response (written directly)", |b| {
        b.iter(|| {
            let mut errors = Vec::new();
            let data = plan.shape(&merged, &mut errors, false, 16 * 1024);
            black_box(data.get().len())
        })
    });
    c.bench_function("compile the deep query's shaping plan", |b| {
        b.iter(|| {
            black_box(ShapePlan::new(
                schema,
                &prepared.selection,
                &prepared.root_type,
            ))
        })
    });
    c.bench_function("shape once without a kept plan (compile + walk)", |b| {
        b.iter(|| {
            let mut errors = Vec::new();
            let data = shape(
                schema,
                &prepared.selection,
                &prepared.root_type,
                &merged,
                &mut errors,
                false,
            );
            black_box(data.get().len())
        })
    });
    let text = serde_json::to_string(&expected["data"]).unwrap_or_default();
    c.bench_function(
        "parse 90 KB subgraph-sized JSON into serde_json::Value",
        |b| b.iter(|| black_box(serde_json::from_str::<Value>(&text).is_ok())),
    );
    c.bench_function("parse 90 KB subgraph-sized JSON into Data", |b| {
        b.iter(|| black_box(parse::data(text.as_bytes()).is_ok()))
    });
}

fn answers(c: &mut Criterion) {
    let runtime = deep::runtime();
    let query = deep::read("bench/queries/deep.graphql");
    let (_, answers) = deep::replaying_gateway(&runtime, &[&query]);
    let total: usize = answers.iter().map(|a| a.len()).sum();
    let name = format!("{} answers, {total} bytes", answers.len());
    c.bench_function(
        &format!("parse the deep query's subgraph answers ({name}) into serde_json::Value"),
        |b| {
            b.iter(|| {
                for answer in &answers {
                    black_box(serde_json::from_slice::<Value>(answer).is_ok());
                }
            })
        },
    );
    c.bench_function(
        &format!("parse the deep query's subgraph answers ({name}) into Data"),
        |b| {
            b.iter(|| {
                for answer in &answers {
                    black_box(parse::answer(answer).is_ok());
                }
            })
        },
    );
}

criterion_group!(benches, planning, dashboard_planning, shaping, answers);
criterion_main!(benches);

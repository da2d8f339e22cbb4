//! What a refused request costs next to planning it: the same hostile operations through
//! `Gateway::plan_for` (document stage, demand control, then planning) on a cold gateway, once
//! with the default limits (refused before validation) or demand control enforcing its default
//! maximum (refused after validation, before planning), and once with every limit lifted and
//! demand control off (parsed, validated and planned).
//!
//! `cargo bench -p quntuan-gateway --bench limits -- --quick`

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use quntuan_gateway::cost::{CostMode, DemandControlSettings};
use quntuan_gateway::gateway::{Gateway, GatewaySettings};
use quntuan_gateway::limits::LimitSettings;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Map;
use std::hint::black_box;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn lifted() -> LimitSettings {
    LimitSettings {
        max_tokens: usize::MAX,
        max_parser_recursion: 10_000,
        max_depth: usize::MAX,
        max_height: usize::MAX,
        max_aliases: usize::MAX,
        max_root_fields: usize::MAX,
        max_directives_per_field: usize::MAX,
        max_fragment_depth: usize::MAX,
        max_selections: usize::MAX,
    }
}

/// 1,000 aliases of one field of an entity from another subgraph.
fn aliases() -> String {
    let fields: Vec<String> = (0..1_000).map(|i| format!("a{i}: username")).collect();
    format!("{{ me {{ {} }} }}", fields.join(" "))
}

/// User → reviews → author, 60 times: an entity jump at every level.
fn deep() -> String {
    let levels = 60;
    format!(
        "{{ me {{ {} id {} }} }}",
        "reviews { author { ".repeat(levels),
        "} } ".repeat(levels)
    )
}

/// Twelve fragments, each spreading the next twice: 4,096 copies of a selection.
fn fragments() -> String {
    let levels = 12;
    let mut document = String::from("query Bomb { ...F0 }\n");
    for i in 0..levels {
        document.push_str(&format!(
            "fragment F{i} on Query {{ ...F{next} ...F{next} }}\n",
            next = i + 1
        ));
    }
    document.push_str(&format!(
        "fragment F{levels} on Query {{ me {{ reviews {{ product {{ upc name }} }} }} }}\n"
    ));
    document
}

/// Lists in lists with an entity jump at each level: within every limit, but the estimate
/// (10 elements a list without `@listSize`) is over 10,000.
fn nested_lists() -> String {
    "{ topProducts { name reviews { author { name reviews { product { name inStock reviews { author { name } } } } } } } }".into()
}

fn enforcing() -> GatewaySettings {
    GatewaySettings {
        demand_control: DemandControlSettings {
            mode: CostMode::Enforce,
            ..DemandControlSettings::default()
        },
        ..GatewaySettings::default()
    }
}

fn refused_versus_planned(c: &mut Criterion) {
    let sdl = read("bench/supergraph.graphql");
    let variables = Map::new();
    let gateway = |settings: GatewaySettings| {
        Gateway::new(
            Supergraph::parse(&sdl).expect("bench supergraph loads"),
            settings,
        )
    };
    let limited = || GatewaySettings::default();
    let unlimited = || GatewaySettings {
        limits: lifted(),
        ..GatewaySettings::default()
    };
    let cases: [(&str, String, fn() -> GatewaySettings); 4] = [
        ("1,000 aliases", aliases(), limited),
        ("60 levels deep", deep(), limited),
        ("fragments x4,096", fragments(), limited),
        ("nested lists, cost over 1,000", nested_lists(), enforcing),
    ];
    for (name, query, refusing) in cases {
        let refused = gateway(refusing());
        let outcome = refused.plan_for(&query, None, &variables);
        assert!(
            outcome.is_err(),
            "{name} must be refused by the default limits or the default maximum cost"
        );
        c.bench_function(&format!("{name}: refused"), |b| {
            b.iter_batched_ref(
                || gateway(refusing()),
                |gateway: &mut Gateway| {
                    black_box(gateway.plan_for(&query, None, &variables).is_err())
                },
                BatchSize::SmallInput,
            )
        });
        let planned = gateway(unlimited());
        let outcome = planned.plan_for(&query, None, &variables);
        assert!(
            matches!(&outcome, Ok(plan) if plan.is_ok()),
            "{name} must plan with the limits lifted"
        );
        c.bench_function(&format!("{name}: parsed, validated and planned"), |b| {
            b.iter_batched_ref(
                || gateway(unlimited()),
                |gateway: &mut Gateway| {
                    black_box(gateway.plan_for(&query, None, &variables).is_ok())
                },
                BatchSize::SmallInput,
            )
        });
    }
}

criterion_group!(benches, refused_versus_planned);
criterion_main!(benches);

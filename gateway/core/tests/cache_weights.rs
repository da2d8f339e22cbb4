//! What the document, plan and cost caches really hold for one document, counted by a counting
//! global allocator (bytes allocated and not freed while the stage's value is built), against
//! the weights the caches give their entries ([`quntuan_gateway::gateway::weights`]).
//!
//! One test in this file: the allocator counts every thread, so nothing else may run beside it.
//! `cargo test -p quntuan-gateway --test cache_weights -- --nocapture` prints the table.

use apollo_compiler::ast::OperationType;
use quntuan_gateway::auth::{Caller, authorize};
use quntuan_gateway::cost::{CostDirectives, estimate};
use quntuan_gateway::gateway::weights;
use quntuan_gateway::limits::{LimitSettings, parse};
use quntuan_gateway::plan::{OperationInput, plan_operation};
use quntuan_gateway::request::validate;
use quntuan_gateway::response::ShapePlan;
use quntuan_gateway::selection::SelectionSet;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::Map;
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};
use std::alloc::System;
use std::path::Path;

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// Bytes still allocated after `build` returned, the value it built being alive.
fn held<T>(build: impl FnOnce() -> T) -> (T, i64) {
    let region = Region::new(GLOBAL);
    let value = build();
    let change = region.change();
    let bytes = change.bytes_allocated as i64 - change.bytes_deallocated as i64
        + change.bytes_reallocated as i64;
    (value, bytes)
}

/// Bytes each stage's cached value holds: the validated document, the plan with the
/// selection and the shaping plan it keeps, the cost formula.
fn stages(supergraph: &Supergraph, directives: &CostDirectives, query: &str) -> [i64; 6] {
    let limits = LimitSettings::default();
    let (prepared, document_bytes) = held(|| {
        let ast = parse(&limits, query).unwrap_or_else(|e| panic!("{query:.80}: {e:?}"));
        validate(&supergraph.api_schema, ast).unwrap_or_else(|e| panic!("{query:.80}: {e:?}"))
    });
    let operation = prepared
        .document
        .operations
        .get(None)
        .expect("one operation");
    let variables = Map::new();
    let (plan, plan_bytes) = held(|| {
        let selection = SelectionSet::from_executable(
            &operation.selection_set,
            &prepared.document.fragments,
            &variables,
        );
        let root_type = operation.selection_set.ty.clone();
        let authorized = authorize(supergraph, &selection, &root_type, &Caller::default());
        let input = OperationInput {
            override_labels: &[],
            kind: OperationType::Query,
            name: operation.name.as_deref(),
            variables: &operation.variables,
            selection_set: &authorized.selection,
        };
        let plan = plan_operation(supergraph, &input).expect("plans");
        let shape = ShapePlan::new(&supergraph.api_schema, &selection, &root_type);
        (
            plan,
            selection,
            shape,
            authorized.errors,
            authorized.guarded,
        )
    });
    let (cost, cost_bytes) = held(|| {
        estimate(
            &supergraph.api_schema,
            directives,
            10,
            &prepared.document,
            operation,
            &variables,
        )
    });
    let weights = [
        weights::document_bytes(query, &prepared.document) as i64,
        (weights::plan_bytes(&plan.1, &plan.0) + plan.2.weight()) as i64,
        weights::estimate_bytes(&cost) as i64,
    ];
    drop((cost, plan));
    [
        document_bytes,
        plan_bytes,
        cost_bytes,
        weights[0],
        weights[1],
        weights[2],
    ]
}

/// The supergraph `cost_http.rs` uses, with `@listSize`: lists sized by variables make the
/// cost formula grow with the document.
const COSTED: &str = include_str!("support/costed_supergraph.graphql");

/// `n` root fields, each an alias of a selection through three subgraphs.
fn aliases(n: usize) -> String {
    let fields: String = (0..n)
        .map(|i| {
            format!(
                "a{i}: topProducts {{ upc name price reviews {{ id body author {{ id name username }} }} }}\n"
            )
        })
        .collect();
    format!("{{\n{fields}}}")
}

/// `n` fragments on `User`, each spread once: a large document, a small plan.
fn fragments(n: usize) -> String {
    let spreads: String = (0..n).map(|i| format!("...F{i} ")).collect();
    let definitions: String = (0..n)
        .map(|i| format!("fragment F{i} on User {{ id name username reviews {{ id body }} }}\n"))
        .collect();
    format!("{{ me {{ {spreads} }} }}\n{definitions}")
}

/// `n` aliases with names `length` characters long: few tokens, many bytes.
fn long_aliases(n: usize, length: usize) -> String {
    let fields: String = (0..n)
        .map(|i| format!("{}{i}: me {{ id name }}\n", "a".repeat(length)))
        .collect();
    format!("{{\n{fields}}}")
}

/// One field repeated `n` times, written as tightly as GraphQL allows.
fn repeated(n: usize) -> String {
    format!("{{me{{{}}}}}", "id ".repeat(n))
}

/// `n` root fields through three subgraphs, without whitespace.
fn compact_aliases(n: usize) -> String {
    let fields: String = (0..n)
        .map(|i| format!("a{i}:me{{reviews{{product{{reviews{{author{{reviews{{id}}}}}}}}}}}}"))
        .collect();
    format!("{{{fields}}}")
}

/// `n` lists sized by a variable, nested two deep.
fn sized_lists(n: usize) -> String {
    let fields: String = (0..n)
        .map(|i| format!("v{i}: volunteers(first: $n) {{ id hours }} p{i}: page(limit: $n) {{ total items {{ id hours }} }}\n"))
        .collect();
    format!("query Sized($n: Int) {{\n{fields}}}")
}

/// A comment of `length` bytes before a small operation: one token, many bytes.
fn comment(length: usize) -> String {
    format!("# {}\n{{ me {{ id }} }}", "x".repeat(length))
}

#[test]
fn cache_weights_cover_what_each_stage_holds() {
    let supergraph = Supergraph::parse(&read("bench/supergraph.graphql")).expect("supergraph");
    let directives = CostDirectives::read(&supergraph.schema, &supergraph.links);
    let queries = [
        ("{ me { id } }", "{ me { id } }".to_string()),
        ("deep.graphql", read("bench/queries/deep.graphql")),
        ("aliases(8)", aliases(8)),
        ("aliases(64)", aliases(64)),
        ("fragments(100)", fragments(100)),
        ("fragments(380)", fragments(380)),
        ("long_aliases(60, 1000)", long_aliases(60, 1_000)),
        ("long_aliases(60, 30000)", long_aliases(60, 30_000)),
        ("repeated(4900)", repeated(4_900)),
        ("compact_aliases(64)", compact_aliases(64)),
        ("comment(100000)", comment(100_000)),
    ];
    let costed = Supergraph::parse(COSTED).expect("costed supergraph");
    let costed_directives = CostDirectives::read(&costed.schema, &costed.links);
    let mut queries: Vec<(&str, String, &Supergraph, &CostDirectives)> = queries
        .into_iter()
        .map(|(name, query)| (name, query, &supergraph, &directives))
        .collect();
    queries.push((
        "sized_lists(1)",
        sized_lists(1),
        &costed,
        &costed_directives,
    ));
    queries.push((
        "sized_lists(30)",
        sized_lists(30),
        &costed,
        &costed_directives,
    ));
    // Warm: whatever the stages build once per process or per schema is not a document's.
    for (_, query, supergraph, directives) in &queries {
        stages(supergraph, directives, query);
    }
    println!(
        "query | text bytes | document held / weight | plan held / weight | cost held / weight"
    );
    let mut outside = Vec::new();
    for (name, query, supergraph, directives) in &queries {
        let [
            document,
            plan,
            cost,
            document_weight,
            plan_weight,
            cost_weight,
        ] = stages(supergraph, directives, query);
        println!(
            "{name} | {} | {document} / {document_weight} = {:.2} | {plan} / {plan_weight} = {:.2} | {cost} / {cost_weight}",
            query.len(),
            document_weight as f64 / document as f64,
            plan_weight as f64 / plan as f64,
        );
        // Never below what is held (the budget holds), never far above (the caches keep
        // what they can); the small constant is what a tiny document's fixed parts weigh.
        for (stage, held, weight) in [
            ("document", document, document_weight),
            ("plan", plan, plan_weight),
            ("cost", cost, cost_weight),
        ] {
            if weight < held || weight > 6 * held + 4_096 {
                outside.push(format!(
                    "{name}: {stage} holds {held} bytes, weighs {weight}"
                ));
            }
        }
    }
    assert_eq!(outside, Vec::<String>::new());
}

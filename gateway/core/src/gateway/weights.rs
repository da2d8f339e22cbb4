//! What the document, plan and cost caches' entries weigh: an estimate of the bytes each holds,
//! so that the caches are bounded by memory (`plan_cache_bytes`) rather than by entries alone.
//! A document within the token limit can hold a few megabytes once parsed, validated and
//! planned (`{me{id id id …}}`, 4,900 times `id`: 2.6 MB of AST and 2.1 MB of plan for 15 KB of
//! text), so a count of entries bounds nothing.
//!
//! The query text's length alone is a poor estimate: measured bytes per byte of text range from
//! 1 (a long comment) to 175 (a field repeated without whitespace) for the validated document,
//! and from 0 to 146 for the plan. What the caches hold grows with the number of nodes instead,
//! so each weight counts them, once, when the entry is made:
//!
//! - a document: 2.25 bytes per byte of its text (kept by the compiler for locations, and
//!   names and strings once more in the nodes) plus [`DOCUMENT_NODE`] bytes per
//!   selection, argument, directive, variable and value node;
//! - a plan: [`PLAN_SELECTION`] bytes per selection of the operation (the plan keeps it with
//!   fragments inlined) plus [`PLAN_JSON_BYTE`] bytes per byte of the plan's JSON (what
//!   `extensions.queryPlan` shows: fetches, their operations, paths and keys);
//! - a cost formula: its size, walked, twice.
//!
//! The factors come from `gateway/core/tests/cache_weights.rs`, which counts the bytes each
//! stage keeps with a counting allocator for documents of several shapes (small, deep,
//! aliased through three subgraphs, hundreds of fragments, long names, a long comment, one
//! field repeated, lists sized by variables) and checks every estimate stays above what is held
//! and within six times of it (`cargo test -p quntuan-gateway --test cache_weights -- --nocapture` prints the table).

use crate::cost::Estimate;
use crate::error::GraphqlError;
use crate::plan::QueryPlan;
use crate::selection::{Selection, SelectionSet};
use apollo_compiler::ast::Value;
use apollo_compiler::executable::{self, ExecutableDocument};
use std::sync::Arc;

/// Bytes per node of a validated document (measured about 517 for a field with no arguments,
/// repeated: the field, its definition's handle, its empty selection set, the AST's copy).
pub const DOCUMENT_NODE: u64 = 600;
/// Bytes a document holds whatever its size (the source map, the maps of operations and
/// fragments): measured 1,432 for `{ me { id } }` with its 3 nodes.
pub const DOCUMENT_BASE: u64 = 1_024;
/// Bytes per selection kept with a plan (measured about 438 for a field).
pub const PLAN_SELECTION: u64 = 520;
/// Bytes per byte of the plan's JSON (measured up to about 8 beside the selection's: fetch
/// operations, paths, keys and requires are held as trees and as text).
pub const PLAN_JSON_BYTE: u64 = 10;
/// Bytes a plan holds whatever its size.
pub const PLAN_BASE: u64 = 512;
/// What a cache entry costs beside its value: the key, moka's entry and its place in the
/// access queues, the `Arc` (an allowance, not measured).
pub const ENTRY: u64 = 256;

/// A cached value with its weight in bytes, fixed when it was made.
pub(super) struct Weighed<T> {
    pub(super) value: Arc<T>,
    pub(super) bytes: u32,
}

impl<T> Clone for Weighed<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            bytes: self.bytes,
        }
    }
}

impl<T> Weighed<T> {
    pub(super) fn new(value: T, bytes: u64) -> Self {
        Self {
            value: Arc::new(value),
            bytes: u32::try_from(bytes.saturating_add(ENTRY)).unwrap_or(u32::MAX),
        }
    }
}

/// `percent` (at most 100) of `bytes`, rounded up, without overflowing.
pub(super) fn share(bytes: u64, percent: u64) -> u64 {
    (u128::from(bytes) * u128::from(percent)).div_ceil(100) as u64
}

/// A weighted moka cache: at most `budget` estimated bytes, and at most `entries` entries
/// (every entry weighs at least `budget / entries`).
pub(super) fn cache<T: Send + Sync + 'static>(
    budget: u64,
    entries: u64,
) -> moka::sync::Cache<u64, Weighed<T>> {
    let floor = u32::try_from(budget.div_ceil(entries.max(1))).unwrap_or(u32::MAX);
    moka::sync::Cache::builder()
        .max_capacity(budget)
        .weigher(move |_, value: &Weighed<T>| value.bytes.max(floor))
        .build()
}

/// The estimated bytes a validated document of `query` holds.
pub fn document_bytes(query: &str, document: &ExecutableDocument) -> u64 {
    let operations: u64 = document
        .operations
        .iter()
        .map(|operation| {
            let variables: u64 = operation
                .variables
                .iter()
                .map(|variable| {
                    1 + variable.default_value.as_deref().map_or(0, value_nodes)
                        + directive_nodes(&variable.directives)
                })
                .sum();
            1 + variables
                + directive_nodes(&operation.directives)
                + selection_nodes(&operation.selection_set)
        })
        .sum();
    let fragments: u64 = document
        .fragments
        .values()
        .map(|fragment| {
            1 + directive_nodes(&fragment.directives) + selection_nodes(&fragment.selection_set)
        })
        .sum();
    DOCUMENT_BASE + query.len() as u64 * 9 / 4 + DOCUMENT_NODE * (operations + fragments)
}

fn selection_nodes(set: &executable::SelectionSet) -> u64 {
    set.selections
        .iter()
        .map(|selection| match selection {
            executable::Selection::Field(field) => {
                let arguments: u64 = field
                    .arguments
                    .iter()
                    .map(|argument| 1 + value_nodes(&argument.value))
                    .sum();
                1 + arguments
                    + directive_nodes(&field.directives)
                    + selection_nodes(&field.selection_set)
            }
            executable::Selection::FragmentSpread(spread) => {
                1 + directive_nodes(&spread.directives)
            }
            executable::Selection::InlineFragment(inline) => {
                1 + directive_nodes(&inline.directives) + selection_nodes(&inline.selection_set)
            }
        })
        .sum()
}

fn directive_nodes(directives: &executable::DirectiveList) -> u64 {
    directives
        .iter()
        .map(|directive| {
            1 + directive
                .arguments
                .iter()
                .map(|argument| 1 + value_nodes(&argument.value))
                .sum::<u64>()
        })
        .sum()
}

fn value_nodes(value: &Value) -> u64 {
    1 + match value {
        Value::List(items) => items.iter().map(|item| value_nodes(item)).sum(),
        Value::Object(fields) => fields.iter().map(|(_, item)| 1 + value_nodes(item)).sum(),
        _ => 0,
    }
}

/// The estimated bytes a refusal holds: its errors.
pub fn errors_bytes(errors: &[GraphqlError]) -> u64 {
    errors.iter().map(error_bytes).sum()
}

/// An error's message, its locations and path, and its `extensions.code`.
fn error_bytes(error: &GraphqlError) -> u64 {
    let path = error.path.as_ref().map_or(0, |path| path.len() as u64 * 32);
    (size_of::<GraphqlError>() + 160) as u64
        + error.message.len() as u64
        + error.locations.len() as u64 * 16
        + path
}

/// The estimated bytes a plan holds with the operation's selection (fragments inlined).
pub fn plan_bytes(selection: &SelectionSet, plan: &QueryPlan) -> u64 {
    let mut json = CountingWriter(0);
    // A plan always serialises (the `queryPlan` extension does it); if not, its selection is
    // still counted.
    let _ = serde_json::to_writer(&mut json, plan);
    PLAN_BASE + PLAN_SELECTION * selections(selection) + PLAN_JSON_BYTE * json.0
}

fn selections(set: &SelectionSet) -> u64 {
    set.items
        .iter()
        .map(|item| match item {
            Selection::Field(field) => 1 + field.selection_set.as_ref().map_or(0, selections),
            Selection::InlineFragment(inline) => 1 + selections(&inline.selection_set),
        })
        .sum()
}

/// Counts the bytes written to it.
struct CountingWriter(u64);

impl std::io::Write for CountingWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0 += bytes.len() as u64;
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a cost formula holds, walked.
pub fn estimate_bytes(estimate: &Estimate) -> u64 {
    let problem = estimate
        .problem
        .as_ref()
        .map_or(0, |problem| problem.coordinate.len() as u64);
    // Twice what the walk adds up: the allocator counted up to 1.7 times that for a formula of
    // 90 sized lists (31,968 bytes held, 18,442 walked), growth and temporaries the walk
    // does not see.
    size_of::<Estimate>() as u64 + problem + 2 * estimate.formula.heap_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gateway::{Gateway, GatewaySettings};
    use crate::supergraph::Supergraph;
    use serde_json::Map;

    const SUPERGRAPH: &str = include_str!("../../../../bench/supergraph.graphql");

    fn gateway(plan_cache_bytes: u64) -> Gateway {
        let supergraph = Supergraph::parse(SUPERGRAPH).expect("the bench supergraph");
        let settings = GatewaySettings {
            plan_cache_bytes,
            ..GatewaySettings::default()
        };
        Gateway::new(supergraph, settings)
    }

    /// A valid document of about 9,000 tokens, different for each `i`: 2,000 selections of
    /// `id`, which its document and its plan each hold about a megabyte for.
    fn large(i: usize) -> String {
        format!("{{a{i}: me {{{}}}}}", " id".repeat(2_000))
    }

    #[test]
    fn distinct_large_documents_stay_within_the_byte_budget() {
        let budget = 8 << 20;
        let gateway = gateway(budget);
        let query = large(0);
        let document = gateway.document(&query);
        let prepared = document.as_ref().as_ref().expect("valid");
        let weight = document_bytes(&query, &prepared.document);
        assert!(
            (1_000_000..3_600_000).contains(&weight),
            "a large document weighs about a megabyte: {weight}"
        );
        for i in 0..40 {
            let plan = gateway
                .plan_for(&large(i), None, &Map::new())
                .expect("plans");
            assert!(plan.as_ref().is_ok(), "{i} plans");
        }
        gateway.documents.run_pending_tasks();
        gateway.plans.run_pending_tasks();
        gateway.costs.run_pending_tasks();
        // 40 documents, each weighing more than a megabyte in each cache, in 3.6 MB apiece.
        let share = super::share(budget, 45);
        for (name, size, entries) in [
            (
                "documents",
                gateway.documents.weighted_size(),
                gateway.documents.entry_count(),
            ),
            (
                "plans",
                gateway.plans.weighted_size(),
                gateway.plans.entry_count(),
            ),
        ] {
            assert!(size <= share, "{name}: {size} bytes over {share}");
            assert!(
                (1..=3).contains(&entries),
                "{name}: {entries} entries kept of 40"
            );
        }
    }

    #[test]
    fn small_documents_are_still_cached_beside_large_ones() {
        let gateway = gateway(8 << 20);
        let small = "{ me { id name } }";
        let first = gateway.document(small);
        gateway.documents.run_pending_tasks();
        assert!(
            Arc::ptr_eq(&first, &gateway.document(small)),
            "a repeat hits"
        );

        for i in 0..40 {
            gateway.document(&large(i));
        }
        gateway.documents.run_pending_tasks();
        // Each large document was asked for once; the small one is asked for again and again,
        // so it is kept (or admitted again after a large one pushed it out).
        let other = "{ me { id username } }";
        for _ in 0..3 {
            gateway.document(other);
            gateway.documents.run_pending_tasks();
        }
        let kept = gateway.document(other);
        assert!(
            Arc::ptr_eq(&kept, &gateway.document(other)),
            "a repeat hits"
        );
        let plan = gateway.plan_for(other, None, &Map::new()).expect("plans");
        gateway.plans.run_pending_tasks();
        let again = gateway.plan_for(other, None, &Map::new()).expect("plans");
        assert!(Arc::ptr_eq(&plan, &again), "a repeated plan hits");
    }

    #[test]
    fn the_entry_count_still_bounds_small_entries() {
        let supergraph = Supergraph::parse(SUPERGRAPH).expect("the bench supergraph");
        let settings = GatewaySettings {
            plan_cache_size: 10,
            ..GatewaySettings::default()
        };
        let gateway = Gateway::new(supergraph, settings);
        for i in 0..50 {
            gateway.document(&format!("{{ a{i}: me {{ id }} }}"));
        }
        gateway.documents.run_pending_tasks();
        let entries = gateway.documents.entry_count();
        assert!((1..=10).contains(&entries), "{entries} entries kept");
    }
}

//! Deterministic merging of fetches that run at the same time. The executor merges each answer
//! into the response as it lands; where two fetches in different branches of a `Parallel` write
//! one place of the response that a merge cannot combine (a leaf, or a list whose lengths may
//! differ), the answer would depend on which subgraph is faster. Here each such pair is found
//! from the fetches' selections, and the later fetch in plan order is told to merge after the
//! earlier one: the response is then what merging in plan order gives, whatever the timing.
//! Fetches that write apart still merge as they land.

use super::{FetchNode, PathSegment, PlanNode};
use crate::selection::{Selection, SelectionSet};
use apollo_compiler::ast::Type;

/// The places of the response a fetch writes that a merge cannot combine: leaf fields
/// (`__typename` aside, which every subgraph answers alike for one object) and list fields,
/// each as its response keys from the root joined by `.` (list positions and type conditions
/// left out, so that two places that may be the same compare equal).
pub(super) fn written_places(path: &[PathSegment], selection: &SelectionSet) -> Vec<String> {
    let mut prefix: Vec<&str> = path
        .iter()
        .filter_map(|segment| match segment {
            PathSegment::Key(key) => Some(key.as_str()),
            PathSegment::List | PathSegment::TypeCondition(_) => None,
        })
        .collect();
    let mut out = Vec::new();
    collect(selection, &mut prefix, &mut out);
    out.sort();
    out.dedup();
    out
}

fn collect<'s>(selection: &'s SelectionSet, prefix: &mut Vec<&'s str>, out: &mut Vec<String>) {
    for item in &selection.items {
        match item {
            Selection::Field(field) if field.name == "__typename" => {}
            Selection::Field(field) => {
                prefix.push(field.response_key().as_str());
                let is_list = matches!(field.ty, Type::List(_) | Type::NonNullList(_));
                if field.selection_set.is_none() || is_list {
                    out.push(prefix.join("."));
                }
                if let Some(sub) = &field.selection_set {
                    collect(sub, prefix, out);
                }
                prefix.pop();
            }
            Selection::InlineFragment(inline) => collect(&inline.selection_set, prefix, out),
        }
    }
}

/// Numbers every fetch of the plan depth first and fills each one's `merge_after` with the
/// earlier fetches it may run alongside and shares a written place with.
pub(super) fn assign(node: &mut PlanNode) {
    let mut next = 0;
    number(node, &mut next);
    order_parallels(node);
    clear_places(node);
}

fn number(node: &mut PlanNode, next: &mut usize) {
    match node {
        PlanNode::Fetch(fetch) => {
            fetch.id = *next;
            *next += 1;
        }
        PlanNode::Flatten { node, .. } => number(node, next),
        PlanNode::Sequence { nodes } | PlanNode::Parallel { nodes, .. } => {
            nodes.iter_mut().for_each(|n| number(n, next))
        }
        PlanNode::Defer { primary, deferred } => {
            if let Some(primary) = primary {
                number(primary, next);
            }
            for part in deferred {
                if let Some(node) = &mut part.node {
                    number(node, next);
                }
            }
        }
    }
}

fn order_parallels(node: &mut PlanNode) {
    match node {
        PlanNode::Fetch(_) => {}
        PlanNode::Flatten { node, .. } => order_parallels(node),
        PlanNode::Sequence { nodes } => nodes.iter_mut().for_each(order_parallels),
        PlanNode::Parallel { nodes, .. } => {
            // Each branch's fetches: (id, places); a fetch waits for the overlapping fetches
            // of the branches before its own.
            let branches: Vec<Vec<(usize, Vec<String>)>> = nodes
                .iter()
                .map(|n| {
                    let mut fetches = Vec::new();
                    fetches_of(n, &mut fetches);
                    fetches
                        .into_iter()
                        .map(|f| (f.id, f.writes.clone()))
                        .collect()
                })
                .collect();
            for (index, branch) in nodes.iter_mut().enumerate() {
                let earlier = &branches[..index];
                for_each_fetch(branch, &mut |fetch| {
                    for (id, places) in earlier.iter().flatten() {
                        if places.iter().any(|p| fetch.writes.binary_search(p).is_ok())
                            && !fetch.merge_after.contains(id)
                        {
                            fetch.merge_after.push(*id);
                        }
                    }
                });
                order_parallels(branch);
            }
        }
        PlanNode::Defer { primary, deferred } => {
            if let Some(primary) = primary {
                order_parallels(primary);
            }
            for part in deferred {
                if let Some(node) = &mut part.node {
                    order_parallels(node);
                }
            }
        }
    }
}

fn fetches_of<'n>(node: &'n PlanNode, out: &mut Vec<&'n FetchNode>) {
    match node {
        PlanNode::Fetch(fetch) => out.push(fetch),
        PlanNode::Flatten { node, .. } => fetches_of(node, out),
        PlanNode::Sequence { nodes } | PlanNode::Parallel { nodes, .. } => {
            nodes.iter().for_each(|n| fetches_of(n, out))
        }
        PlanNode::Defer { primary, deferred } => {
            if let Some(primary) = primary {
                fetches_of(primary, out);
            }
            for part in deferred {
                if let Some(node) = &part.node {
                    fetches_of(node, out);
                }
            }
        }
    }
}

pub(super) fn for_each_fetch(node: &mut PlanNode, apply: &mut impl FnMut(&mut FetchNode)) {
    match node {
        PlanNode::Fetch(fetch) => apply(fetch),
        PlanNode::Flatten { node, .. } => for_each_fetch(node, apply),
        PlanNode::Sequence { nodes } | PlanNode::Parallel { nodes, .. } => {
            nodes.iter_mut().for_each(|n| for_each_fetch(n, apply))
        }
        PlanNode::Defer { primary, deferred } => {
            if let Some(primary) = primary {
                for_each_fetch(primary, apply);
            }
            for part in deferred {
                if let Some(node) = &mut part.node {
                    for_each_fetch(node, apply);
                }
            }
        }
    }
}

/// The places served their purpose; a cached plan need not keep them.
fn clear_places(node: &mut PlanNode) {
    for_each_fetch(node, &mut |fetch| fetch.writes = Vec::new());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fetch(writes: &[&str]) -> PlanNode {
        PlanNode::Fetch(Box::new(FetchNode {
            service_name: "s".into(),
            graph: 0,
            requires: Vec::new(),
            variable_usages: Vec::new(),
            operation: String::new(),
            operation_kind: super::super::OperationKind::Query,
            internal_aliases: false,
            context_arguments: Vec::new(),
            id: 0,
            merge_after: Vec::new(),
            writes: writes.iter().map(|w| w.to_string()).collect(),
            pieces: None,
        }))
    }

    fn merge_after(node: &PlanNode) -> Vec<Vec<usize>> {
        let mut fetches = Vec::new();
        fetches_of(node, &mut fetches);
        fetches.iter().map(|f| f.merge_after.clone()).collect()
    }

    #[test]
    fn a_later_branch_merges_after_an_earlier_one_writing_the_same_place() {
        let mut plan = PlanNode::Sequence {
            nodes: vec![
                fetch(&["x"]),
                PlanNode::Parallel {
                    nodes: vec![
                        fetch(&["p.a", "p.list"]),
                        PlanNode::Sequence {
                            nodes: vec![fetch(&["p.b"]), fetch(&["p.list"])],
                        },
                        fetch(&["p.c"]),
                    ],
                    batches: Vec::new(),
                },
            ],
        };
        assign(&mut plan);
        // Fetch 3 shares `p.list` with fetch 1 of the first branch; nothing else overlaps,
        // and fetch 0 runs before the Parallel, so no one waits for it.
        assert_eq!(
            merge_after(&plan),
            vec![vec![], vec![], vec![], vec![1], vec![]]
        );
    }
}

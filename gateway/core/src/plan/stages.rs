//! Stage alignment: a query's plan tree runs each branch at its own pace, so the fetches two
//! branches make at the same depth (the reviews of `users` and of `topProducts`) start at
//! different moments and cannot share a request. Aligned, the plan becomes a sequence of
//! stages, each stage the fetches of every branch at that depth side by side: one request per
//! subgraph and stage once [`super::batch`] has batched them.
//!
//! Alignment is valid for any tree (the branches of a `Parallel` never need one another, and
//! each branch keeps its own order) but a stage waits for its slowest fetch, where the tree
//! lets a fast branch go on. So the planner aligns only when that saves requests: the tree's
//! and the aligned plan's request counts are compared, batches included.

use super::PlanNode;
use super::batch;

/// `node`, aligned into stages when that needs fewer requests than the tree.
pub(super) fn align_if_fewer_requests(node: PlanNode) -> PlanNode {
    if contains_defer(&node) {
        return node;
    }
    let aligned = aligned(&node);
    if batch::requests(&aligned) < batch::requests(&node) {
        aligned
    } else {
        node
    }
}

/// The plan as a sequence of stages.
fn aligned(node: &PlanNode) -> PlanNode {
    let mut stages: Vec<Vec<PlanNode>> = Vec::new();
    collect(node, 0, &mut stages);
    let mut nodes: Vec<PlanNode> = stages
        .into_iter()
        .map(|mut stage| match stage.len() {
            1 => stage.pop().expect("a stage of one node"),
            _ => PlanNode::Parallel {
                nodes: stage,
                batches: Vec::new(),
            },
        })
        .collect();
    match nodes.len() {
        1 => nodes.pop().expect("a plan of one stage"),
        _ => PlanNode::Sequence { nodes },
    }
}

/// Adds the fetches of `node` to `stages` from stage `first` on; returns the stage after its
/// last. A sequence's parts follow one another; a parallel's branches share stages.
fn collect(node: &PlanNode, first: usize, stages: &mut Vec<Vec<PlanNode>>) -> usize {
    match node {
        PlanNode::Fetch(_) | PlanNode::Flatten { .. } | PlanNode::Defer { .. } => {
            if stages.len() <= first {
                stages.resize_with(first + 1, Vec::new);
            }
            stages[first].push(node.clone());
            first + 1
        }
        PlanNode::Sequence { nodes } => nodes
            .iter()
            .fold(first, |next, child| collect(child, next, stages)),
        PlanNode::Parallel { nodes, .. } => nodes
            .iter()
            .map(|child| collect(child, first, stages))
            .max()
            .unwrap_or(first),
    }
}

fn contains_defer(node: &PlanNode) -> bool {
    match node {
        PlanNode::Defer { .. } => true,
        PlanNode::Fetch(_) => false,
        PlanNode::Flatten { node, .. } => contains_defer(node),
        PlanNode::Sequence { nodes } | PlanNode::Parallel { nodes, .. } => {
            nodes.iter().any(contains_defer)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{FetchNode, FetchPieces, OperationKind, PathSegment};

    /// An entity fetch to `service` at `path`, batchable.
    fn entity(service: &str, path: &str) -> PlanNode {
        PlanNode::Flatten {
            path: vec![PathSegment::Key(path.into())],
            node: Box::new(PlanNode::Fetch(Box::new(FetchNode {
                service_name: service.into(),
                graph: 0,
                requires: Vec::new(),
                variable_usages: Vec::new(),
                operation: format!("{service} at {path}"),
                operation_kind: OperationKind::Query,
                internal_aliases: false,
                context_arguments: Vec::new(),
                id: 0,
                merge_after: Vec::new(),
                writes: Vec::new(),
                pieces: Some(Box::new(FetchPieces {
                    definitions: Vec::new(),
                    selection: "{x}".into(),
                    name_number: 0,
                })),
            }))),
        }
    }

    fn parallel(nodes: Vec<PlanNode>) -> PlanNode {
        PlanNode::Parallel {
            nodes,
            batches: Vec::new(),
        }
    }

    fn sequence(nodes: Vec<PlanNode>) -> PlanNode {
        PlanNode::Sequence { nodes }
    }

    /// The plan as its fetches' operations, stage by stage when it is a sequence of stages.
    fn shape(node: &PlanNode) -> String {
        match node {
            PlanNode::Flatten { node, .. } => shape(node),
            PlanNode::Fetch(fetch) => fetch.operation.clone(),
            PlanNode::Sequence { nodes } => {
                let parts: Vec<String> = nodes.iter().map(shape).collect();
                format!("seq[{}]", parts.join("; "))
            }
            PlanNode::Parallel { nodes, .. } => {
                let parts: Vec<String> = nodes.iter().map(shape).collect();
                format!("par[{}]", parts.join(", "))
            }
            PlanNode::Defer { .. } => "defer".into(),
        }
    }

    #[test]
    fn branches_that_reach_one_subgraph_at_one_depth_are_aligned() {
        let tree = parallel(vec![
            sequence(vec![entity("a", "x"), entity("reviews", "x.r")]),
            sequence(vec![
                entity("b", "y"),
                parallel(vec![entity("reviews", "y.r"), entity("c", "y.c")]),
                entity("d", "y.d"),
            ]),
        ]);
        assert_eq!(batch::requests(&tree), 6);
        let aligned = align_if_fewer_requests(tree);
        assert_eq!(batch::requests(&aligned), 5);
        assert_eq!(
            shape(&aligned),
            "seq[par[a at x, b at y]; par[reviews at x.r, reviews at y.r, c at y.c]; d at y.d]"
        );
    }

    #[test]
    fn a_tree_stays_when_alignment_saves_no_request() {
        let tree = parallel(vec![
            sequence(vec![entity("a", "x"), entity("reviews", "x.r")]),
            sequence(vec![
                entity("b", "y"),
                entity("c", "y.c"),
                entity("reviews", "y.r"),
            ]),
        ]);
        let before = shape(&tree);
        assert_eq!(shape(&align_if_fewer_requests(tree)), before);
    }
}

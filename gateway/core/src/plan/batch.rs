//! Batching: the entity fetches that lead the children of one `Parallel` and call one subgraph
//! start at the same moment, so they go in one request, as [`FetchBatch`] describes. A stage of
//! a deep query then costs one request per subgraph rather than one per path, and fetches of
//! one selection at several paths (the products of two review lists) share one representation
//! list, so the subgraph resolves an entity both lists name once.
//!
//! Left alone: fetches with `@fromContext` arguments (they send one request per set of context
//! values) and anything but entity queries; the planner marks the others with their
//! [`FetchPieces`], which this pass then clears.

use super::groups::sanitize;
use super::merge_order::for_each_fetch;
use super::{BatchMember, FetchBatch, FetchNode, FetchPieces, PathSegment, PlanNode};
use std::fmt::Write as _;

/// Fills every `Parallel`'s batches (fetch ids must be assigned), then drops the pieces.
pub(super) fn assign(node: &mut PlanNode, operation_name: Option<&str>) {
    fill(node, operation_name);
    for_each_fetch(node, &mut |fetch| fetch.pieces = None);
}

fn fill(node: &mut PlanNode, operation_name: Option<&str>) {
    match node {
        PlanNode::Fetch(_) => {}
        PlanNode::Flatten { node, .. } => fill(node, operation_name),
        PlanNode::Sequence { nodes } => nodes.iter_mut().for_each(|n| fill(n, operation_name)),
        PlanNode::Parallel { nodes, batches } => {
            *batches = batches_of(nodes, operation_name);
            nodes.iter_mut().for_each(|n| fill(n, operation_name));
        }
        PlanNode::Defer { primary, deferred } => {
            if let Some(primary) = primary {
                fill(primary, operation_name);
            }
            for part in deferred {
                if let Some(node) = &mut part.node {
                    fill(node, operation_name);
                }
            }
        }
    }
}

/// A child's leading entity fetch, the path of its objects and the nodes after it: the child
/// itself (a `Flatten` of a `Fetch`) or the first node of a `Sequence`, as the planner builds
/// children. What a batch fetches for the child, and what runs once that has merged.
pub(crate) fn leading_fetch(node: &PlanNode) -> Option<(&[PathSegment], &FetchNode, &[PlanNode])> {
    let (first, rest) = match node {
        PlanNode::Sequence { nodes } => nodes.split_first()?,
        other => (other, &[][..]),
    };
    match first {
        PlanNode::Flatten { path, node } => match node.as_ref() {
            PlanNode::Fetch(fetch) => Some((path, fetch, rest)),
            _ => None,
        },
        _ => None,
    }
}

/// How many requests the plan sends once batched (a batch counts once).
pub(super) fn requests(node: &PlanNode) -> usize {
    match node {
        PlanNode::Fetch(_) => 1,
        PlanNode::Flatten { node, .. } => requests(node),
        PlanNode::Sequence { nodes } => nodes.iter().map(requests).sum(),
        PlanNode::Parallel { nodes, .. } => {
            let all: usize = nodes.iter().map(requests).sum();
            let mut services: Vec<(&str, usize)> = Vec::new();
            for child in nodes {
                let Some((_, fetch, _)) = leading_fetch(child) else {
                    continue;
                };
                if fetch.pieces.is_none() {
                    continue;
                }
                match services.iter_mut().find(|(s, _)| *s == fetch.service_name) {
                    Some((_, count)) => *count += 1,
                    None => services.push((&fetch.service_name, 1)),
                }
            }
            all - services.iter().map(|(_, count)| count - 1).sum::<usize>()
        }
        PlanNode::Defer { primary, deferred } => {
            primary.as_deref().map_or(0, requests)
                + deferred
                    .iter()
                    .filter_map(|part| part.node.as_deref())
                    .map(requests)
                    .sum::<usize>()
        }
    }
}

/// The batches among `children`: each is two or more batchable fetches to one subgraph.
fn batches_of(children: &[PlanNode], operation_name: Option<&str>) -> Vec<FetchBatch> {
    let leading: Vec<Option<(&FetchNode, &FetchPieces)>> = children
        .iter()
        .map(|child| {
            let (_, fetch, _) = leading_fetch(child)?;
            Some((fetch, fetch.pieces.as_deref()?))
        })
        .collect();
    let mut taken = vec![false; children.len()];
    let mut out = Vec::new();
    for first in 0..children.len() {
        let Some((first_fetch, _)) = leading[first] else {
            continue;
        };
        if taken[first] {
            continue;
        }
        let members: Vec<usize> = (first..children.len())
            .filter(|&i| {
                !taken[i]
                    && leading[i].is_some_and(|(f, _)| f.service_name == first_fetch.service_name)
            })
            .collect();
        if members.len() < 2 {
            continue;
        }
        for &member in &members {
            taken[member] = true;
        }
        let members: Vec<(usize, &FetchNode, &FetchPieces)> = members
            .into_iter()
            .filter_map(|child| leading[child].map(|(fetch, pieces)| (child, fetch, pieces)))
            .collect();
        out.push(batch(&members, operation_name));
    }
    out
}

/// One batch of `members`: (child index, leading fetch, its pieces), in the children's order.
fn batch(
    members: &[(usize, &FetchNode, &FetchPieces)],
    operation_name: Option<&str>,
) -> FetchBatch {
    // Each `_entities` field: the first member with its selection and representation shape.
    let mut fields: Vec<usize> = Vec::new();
    let mut batch_members = Vec::with_capacity(members.len());
    for (index, &(child, fetch, pieces)) in members.iter().enumerate() {
        let same_field = |&first: &usize| {
            let (_, first_fetch, first_pieces) = members[first];
            first_pieces.selection == pieces.selection
                && first_fetch.requires == fetch.requires
                && first_fetch.internal_aliases == fetch.internal_aliases
        };
        let field = match fields.iter().position(same_field) {
            Some(field) => field,
            None => {
                fields.push(index);
                fields.len() - 1
            }
        };
        batch_members.push(BatchMember { child, field });
    }
    let mut definitions: Vec<String> = (0..fields.len())
        .map(|field| format!("$r{field}: [_Any!]!"))
        .collect();
    let mut variable_usages: Vec<String> = Vec::new();
    for &(_, fetch, pieces) in members {
        for definition in &pieces.definitions {
            if !definitions.contains(definition) {
                definitions.push(definition.clone());
            }
        }
        for variable in &fetch.variable_usages {
            if !variable_usages.contains(variable) {
                variable_usages.push(variable.clone());
            }
        }
    }
    let service_name = members[0].1.service_name.clone();
    let mut operation = String::from("query");
    if let Some(name) = operation_name {
        let ids: Vec<String> = members
            .iter()
            .map(|(_, _, pieces)| pieces.name_number.to_string())
            .collect();
        let _ = write!(
            operation,
            " {name}__{}__{}",
            sanitize(&service_name),
            ids.join("_")
        );
    }
    let _ = write!(operation, "({}) {{", definitions.join(", "));
    for (field, &first) in fields.iter().enumerate() {
        if field > 0 {
            operation.push(' ');
        }
        let _ = write!(
            operation,
            "_e{field}: _entities(representations: $r{field}) {}",
            members[first].2.selection
        );
    }
    operation.push('}');
    FetchBatch {
        service_name,
        operation,
        variable_usages,
        members: batch_members,
    }
}

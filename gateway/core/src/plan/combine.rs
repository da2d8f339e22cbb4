//! Combining sibling entity fetches: groups of one parent that call the same subgraph for
//! objects at one level of the response, their paths differing only by type conditions (the
//! review products under `... on Book { reviews { product } }` and under the same on
//! Magazine), become one `_entities` request from the path without the conditions, as
//! Apollo's plans have it. Groups stay apart when one must wait for the other, when their
//! representations of a type carry a field under other arguments, or when their selections
//! would give one response key two meanings in one operation (a valid client operation
//! should never lead there, as GraphQL merges the fields of both branches itself; the check
//! keeps a subgraph from ever receiving such an operation).

use super::PathSegment;
use super::jumps::arguments_differ;
use super::planner::Group;
use crate::selection::SelectionSet;

/// The groups with combinable siblings merged; indexes (parents, dependencies) follow.
pub(super) fn combine_siblings(mut groups: Vec<Group>) -> Vec<Group> {
    let mut absorbed_by: Vec<Option<usize>> = vec![None; groups.len()];
    for later in 0..groups.len() {
        let into = (0..later)
            .find(|&earlier| absorbed_by[earlier].is_none() && combinable(&groups, earlier, later));
        if let Some(into) = into {
            absorb(&mut groups, into, later);
            absorbed_by[later] = Some(into);
        }
    }
    if absorbed_by.iter().all(Option::is_none) {
        return groups;
    }
    let mut new_index = vec![0; groups.len()];
    let mut next = 0;
    for (old, absorbed) in absorbed_by.iter().enumerate() {
        if absorbed.is_none() {
            new_index[old] = next;
            next += 1;
        }
    }
    let remap = |old: usize| new_index[absorbed_by[old].unwrap_or(old)];
    groups
        .into_iter()
        .enumerate()
        .filter(|(old, _)| absorbed_by[*old].is_none())
        .map(|(_, mut group)| {
            group.parent = group.parent.map(remap);
            let mut deps: Vec<usize> = Vec::new();
            for dep in group.deps.iter().map(|&d| remap(d)) {
                if !deps.contains(&dep) {
                    deps.push(dep);
                }
            }
            group.deps = deps;
            group
        })
        .collect()
}

fn combinable(groups: &[Group], a: usize, b: usize) -> bool {
    let (ga, gb) = (&groups[a], &groups[b]);
    ga.parent.is_some()
        && ga.parent == gb.parent
        && ga.graph == gb.graph
        && !ga.entities.is_empty()
        && !gb.entities.is_empty()
        && ga.path != gb.path
        && without_type_conditions(&ga.path) == without_type_conditions(&gb.path)
        && !waits_for(groups, a, b)
        && !waits_for(groups, b, a)
        && !ga.entities.iter().any(|(ta, sa)| {
            gb.entities
                .iter()
                .any(|(tb, sb)| ta == tb && arguments_differ(sa, sb))
        })
        && !conflict(&ga.selection, &gb.selection)
}

/// Whether `group` (or a group it waits for) needs `other` or a group below it first.
fn waits_for(groups: &[Group], group: usize, other: usize) -> bool {
    groups[group]
        .deps
        .iter()
        .any(|&dep| is_ancestor_or_self(groups, other, dep))
}

fn is_ancestor_or_self(groups: &[Group], ancestor: usize, mut group: usize) -> bool {
    loop {
        if group == ancestor {
            return true;
        }
        match groups[group].parent {
            Some(parent) => group = parent,
            None => return false,
        }
    }
}

/// Whether one response key stands for different fields (or arguments) in the two
/// selections, at any depth: merged into one operation, they could not both be answered.
fn conflict(a: &SelectionSet, b: &SelectionSet) -> bool {
    a.fields().any(|fa| {
        b.fields()
            .filter(|fb| fb.response_key() == fa.response_key())
            .any(|fb| {
                !fa.same_source(fb)
                    || match (&fa.selection_set, &fb.selection_set) {
                        (Some(sa), Some(sb)) => conflict(sa, sb),
                        _ => false,
                    }
            })
    })
}

/// Moves group `from` into group `into`: its representations, selection and dependencies,
/// and its children and dependents.
fn absorb(groups: &mut [Group], into: usize, from: usize) {
    let emptied = Group {
        entities: Vec::new(),
        selection: SelectionSet::default(),
        deps: Vec::new(),
        ..groups[from].clone()
    };
    let taken = std::mem::replace(&mut groups[from], emptied);
    let target = &mut groups[into];
    target.path = without_type_conditions(&target.path);
    for (type_name, shape) in taken.entities {
        match target.entities.iter_mut().find(|(t, _)| *t == type_name) {
            Some((_, existing)) => existing.merge(shape),
            None => target.entities.push((type_name, shape)),
        }
    }
    target.selection.merge(taken.selection);
    for dep in taken.deps {
        if dep != into && !target.deps.contains(&dep) {
            target.deps.push(dep);
        }
    }
    for group in groups.iter_mut() {
        if group.parent == Some(from) {
            group.parent = Some(into);
        }
        for dep in &mut group.deps {
            if *dep == from {
                *dep = into;
            }
        }
    }
}

fn without_type_conditions(path: &[PathSegment]) -> Vec<PathSegment> {
    path.iter()
        .filter(|s| !matches!(s, PathSegment::TypeCondition(_)))
        .cloned()
        .collect()
}

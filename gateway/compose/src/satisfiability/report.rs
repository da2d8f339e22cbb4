//! The diagnostic for an unsatisfiable field: an example query reaching it,
//! then, for each subgraph the query plan can be in, why no subgraph that
//! defines the field can be reached from there (Apollo's wording).

use super::graph::{Excluded, Graph, Position};
use super::{State, Trail};
use crate::diagnostic::{Code, Diagnostic};
use crate::supergraph::model::Kind;

pub(super) fn unsatisfiable(
    graph: &Graph<'_>,
    states: &[State],
    trails: &[Trail],
    at: usize,
    field: &str,
) -> Diagnostic {
    let state = &states[at];
    let coordinate = format!("{}.{field}", state.ty);
    let composite = graph.out.types.get(&state.ty).is_some_and(|t| {
        t.fields.get(field).is_some_and(|f| {
            let base = f.ty.trim_matches(|c| c == '[' || c == ']' || c == '!');
            graph
                .out
                .types
                .get(base)
                .is_some_and(|b| matches!(b.kind, Kind::Object | Kind::Interface | Kind::Union))
        })
    });
    let query = example_query(states, trails, at, field, composite);
    let mut froms: Vec<&Position> = state.groups.iter().flatten().flatten().collect();
    froms.sort_by_key(|p| p.sg);
    froms.dedup_by_key(|p| p.sg);
    let mut involved: Vec<String> = Vec::new();
    let mut blocks = Vec::new();
    for from in froms {
        let from_name = &graph.sgs[from.sg].name;
        if !involved.contains(from_name) {
            involved.push(from_name.clone());
        }
        let reachable: Vec<usize> = graph
            .closure(from, &Excluded::new())
            .iter()
            .map(|p| p.sg)
            .collect();
        let contextual = |sg: usize| {
            !graph.sgs[sg].context_arguments(&state.ty, field).is_empty()
                && !graph.sgs[sg].is_external(&state.ty, field)
        };
        let mut reasons = vec![if contextual(from.sg) {
            format!("could not find a match for required context for field \"{coordinate}\"")
        } else {
            format!("cannot find field \"{coordinate}\"")
        }];
        for (i, sg) in graph.sgs.iter().enumerate() {
            if i == from.sg
                || sg.field(&state.ty, field).is_none()
                || sg.is_external(&state.ty, field)
            {
                continue;
            }
            if !involved.contains(&sg.name) {
                involved.push(sg.name.clone());
            }
            let keys = sg.keys(&state.ty);
            let reason = if reachable.contains(&i) {
                if contextual(i) {
                    format!(
                        "could not find a match for required context for field \"{coordinate}\""
                    )
                } else if sg.requires(&state.ty, field).is_some() {
                    format!("cannot satisfy @requires conditions on field \"{coordinate}\"")
                } else {
                    format!("field \"{coordinate}\" is overridden there")
                }
            } else if keys.is_empty() {
                format!(
                    "type \"{}\" has no @key defined in subgraph \"{}\"",
                    state.ty, sg.name
                )
            } else if keys.iter().all(|k| !k.resolvable()) {
                format!(
                    "type \"{}\" has only non-resolvable @key in subgraph \"{}\"",
                    state.ty, sg.name
                )
            } else {
                format!(
                    "none of the @key defined on type \"{}\" in subgraph \"{}\" can be fulfilled from subgraph \"{from_name}\"",
                    state.ty, sg.name
                )
            };
            reasons.push(format!(
                "cannot move to subgraph \"{}\", which has field \"{coordinate}\", because {reason}",
                sg.name
            ));
        }
        // Apollo's layout: one reason on the subgraph's line, several as a list.
        blocks.push(match reasons.as_slice() {
            [only] => format!("- from subgraph \"{from_name}\": {only}."),
            _ => format!(
                "- from subgraph \"{from_name}\":\n{}",
                reasons
                    .iter()
                    .map(|r| format!("  - {r}."))
                    .collect::<Vec<_>>()
                    .join("\n")
            ),
        });
    }
    Diagnostic::new(
        Code::SATISFIABILITY_ERROR,
        format!(
            "The following supergraph API query:\n{query}\ncannot be satisfied by the subgraphs because:\n{}",
            blocks.join("\n")
        ),
    )
    .subgraphs(involved)
    .coordinate(coordinate)
}

/// The operation from the root down to `field` of state `at`; a composite
/// field ends in `{ ... }`, as in Apollo's witness.
fn example_query(
    states: &[State],
    trails: &[Trail],
    at: usize,
    field: &str,
    composite: bool,
) -> String {
    let mut chain = Vec::new();
    let mut cursor = Some(at);
    while let Some(i) = cursor {
        chain.push(i);
        cursor = trails[i].parent;
    }
    chain.reverse();
    let keyword = match states[chain[0]].ty.as_str() {
        "Mutation" => "mutation ",
        "Subscription" => "subscription ",
        _ => "",
    };
    let mut lines = Vec::new();
    let mut depth = 1;
    for i in chain.iter().skip(1) {
        let trail = &trails[*i];
        if !trail.field.is_empty() {
            lines.push(format!("{}{} {{", "  ".repeat(depth), trail.field));
            depth += 1;
        }
        if let Some(c) = &trail.condition {
            lines.push(format!("{}... on {c} {{", "  ".repeat(depth)));
            depth += 1;
        }
    }
    if composite {
        lines.push(format!("{}{field} {{", "  ".repeat(depth)));
        lines.push(format!("{}...", "  ".repeat(depth + 1)));
        lines.push(format!("{}}}", "  ".repeat(depth)));
    } else {
        lines.push(format!("{}{field}", "  ".repeat(depth)));
    }
    for d in (1..depth).rev() {
        lines.push(format!("{}}}", "  ".repeat(d)));
    }
    format!("{keyword}{{\n{}\n}}", lines.join("\n"))
}

//! Internal aliases for fields that would conflict in a subgraph operation.
//!
//! Fragments on different object types may select the same response key with different types
//! in the subgraph (`... on User { id }` with `User.id: ID!`, `... on Admin { id }` with
//! `Admin.id: ID`). GraphQL validation rejects such a selection set ("fields conflict because
//! they return conflicting types"), so every type after the first gets an alias of its own,
//! `_qa<n>_<key>`; the executor renames them back when the response arrives
//! (`execute::aliases`).

use crate::selection::{Field, Selection, SelectionSet};
use crate::supergraph::{GraphId, Supergraph};
use apollo_compiler::Name;

/// The prefix of internal aliases: `_qa<n>_` followed by the response key.
pub const INTERNAL_ALIAS_PREFIX: &str = "_qa";

/// Gives conflicting fields of `set` (on `parent`, in `graph`) internal aliases, at every
/// depth. Returns whether any alias was added.
pub(super) fn alias_conflicts(
    supergraph: &Supergraph,
    graph: GraphId,
    parent: &Name,
    set: &mut SelectionSet,
) -> bool {
    let mut seen: Vec<(String, Vec<String>)> = Vec::new();
    let mut changed = false;
    visit(supergraph, graph, parent, set, &mut seen, &mut changed);
    changed
}

/// Walks one selection level (inline fragments flattened into it), recording the subgraph
/// type of each response key and aliasing fields whose type differs from the first seen.
fn visit(
    supergraph: &Supergraph,
    graph: GraphId,
    parent: &Name,
    set: &mut SelectionSet,
    seen: &mut Vec<(String, Vec<String>)>,
    changed: &mut bool,
) {
    for item in &mut set.items {
        match item {
            Selection::Field(field) => {
                if let Some(sub) = &mut field.selection_set {
                    let child_type = field.ty.inner_named_type().clone();
                    let mut child_seen = Vec::new();
                    visit(
                        supergraph,
                        graph,
                        &child_type,
                        sub,
                        &mut child_seen,
                        changed,
                    );
                }
                if field.name.starts_with("__") {
                    continue;
                }
                let key = field.response_key().to_string();
                let ty = subgraph_type(supergraph, graph, parent, field);
                let types = match seen.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, types)) => types,
                    None => {
                        seen.push((key.clone(), Vec::new()));
                        let last = seen.len() - 1;
                        &mut seen[last].1
                    }
                };
                let index = match types.iter().position(|t| *t == ty) {
                    Some(index) => index,
                    None => {
                        types.push(ty);
                        types.len() - 1
                    }
                };
                if index > 0 {
                    field.alias = Name::new(&format!("{INTERNAL_ALIAS_PREFIX}{index}_{key}")).ok();
                    *changed = true;
                }
            }
            Selection::InlineFragment(inline) => {
                let condition = inline
                    .type_condition
                    .clone()
                    .unwrap_or_else(|| parent.clone());
                visit(
                    supergraph,
                    graph,
                    &condition,
                    &mut inline.selection_set,
                    seen,
                    changed,
                );
            }
        }
    }
}

/// The field's type as `graph` declares it, printed.
fn subgraph_type(supergraph: &Supergraph, graph: GraphId, parent: &Name, field: &Field) -> String {
    let info = supergraph
        .type_info(parent)
        .and_then(|t| t.fields.get(&field.name));
    match info {
        Some(info) => info.type_in(graph).to_string(),
        None => field.ty.to_string(),
    }
}

/// The response key an internal alias stands for, or `None` for any other key.
pub fn original_key(key: &str) -> Option<&str> {
    let rest = key.strip_prefix(INTERNAL_ALIAS_PREFIX)?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    rest[digits..].strip_prefix('_').filter(|k| !k.is_empty())
}

#[cfg(test)]
mod tests {
    use super::original_key;

    #[test]
    fn internal_aliases_name_their_key() {
        assert_eq!(original_key("_qa1_id"), Some("id"));
        assert_eq!(original_key("_qa12_first_name"), Some("first_name"));
        assert_eq!(original_key("_qa_id"), None);
        assert_eq!(original_key("id"), None);
        assert_eq!(original_key("_qa1_"), None);
    }
}

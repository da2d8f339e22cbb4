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
    let mut level = Level::default();
    let mut changed = false;
    visit(supergraph, graph, parent, set, &mut level, &mut changed);
    changed
}

/// What one selection level has seen, over all its fragments: the subgraph types of each
/// response key, and the level below each response key. Fields with one response key are
/// merged by GraphQL ("fields can merge"), so their sub-selections are one level too even when
/// they sit in sibling fragments, and aliases below them must be given consistently.
#[derive(Default)]
struct Level {
    types: Vec<(String, Vec<String>)>,
    below: Vec<(String, Level)>,
}

/// Walks one selection level (inline fragments flattened into it), recording the subgraph
/// type of each response key and aliasing fields whose type differs from the first seen.
fn visit(
    supergraph: &Supergraph,
    graph: GraphId,
    parent: &Name,
    set: &mut SelectionSet,
    level: &mut Level,
    changed: &mut bool,
) {
    for item in &mut set.items {
        match item {
            Selection::Field(field) => {
                if !field.name.starts_with("__") {
                    let key = field.response_key().to_string();
                    let ty = subgraph_type(supergraph, graph, parent, field);
                    let types = match level.types.iter_mut().position(|(k, _)| *k == key) {
                        Some(i) => &mut level.types[i].1,
                        None => {
                            level.types.push((key.clone(), Vec::new()));
                            let last = level.types.len() - 1;
                            &mut level.types[last].1
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
                        field.alias =
                            Name::new(&format!("{INTERNAL_ALIAS_PREFIX}{index}_{key}")).ok();
                        *changed = true;
                    }
                }
                let key = field.response_key().to_string();
                let child_type = field.ty.inner_named_type().clone();
                if let Some(sub) = &mut field.selection_set {
                    let below = match level.below.iter().position(|(k, _)| *k == key) {
                        Some(i) => &mut level.below[i].1,
                        None => {
                            level.below.push((key, Level::default()));
                            let last = level.below.len() - 1;
                            &mut level.below[last].1
                        }
                    };
                    visit(supergraph, graph, &child_type, sub, below, changed);
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
                    level,
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

//! Field sets (`@key`, `@requires`, `@provides`) as plain trees of field names,
//! which is all satisfiability needs: whether a field can be reached, never
//! with which arguments (`comments(limit: 3) { authorId }` needs `comments`
//! and, below it, `authorId`).

use crate::subgraph::fieldsets::parse_field_set;
use apollo_compiler::Schema;
use apollo_compiler::executable::{Selection as Sel, SelectionSet};
use apollo_compiler::validation::Valid;
use std::collections::BTreeMap;

/// A selection: fields (merged by name) and type-conditioned parts.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Selection {
    pub fields: BTreeMap<String, Selection>,
    /// Inline fragments whose type condition differs from the enclosing type.
    pub on: BTreeMap<String, Selection>,
}

impl Selection {
    /// Parses a field set on `type_name` of a subgraph schema.
    pub(crate) fn parse(
        schema: &Valid<Schema>,
        type_name: &str,
        text: &str,
    ) -> Result<Selection, String> {
        let set = parse_field_set(schema, type_name, text)?;
        Ok(Selection::from_set(&set.selection_set))
    }

    fn from_set(set: &SelectionSet) -> Selection {
        let mut out = Selection::default();
        out.add_set(set);
        out
    }

    fn add_set(&mut self, set: &SelectionSet) {
        for selection in &set.selections {
            match selection {
                Sel::Field(f) => {
                    let child = Selection::from_set(&f.selection_set);
                    self.fields
                        .entry(f.name.to_string())
                        .or_default()
                        .merge(child);
                }
                Sel::InlineFragment(i) => match &i.type_condition {
                    Some(t) if *t != set.ty => {
                        let child = Selection::from_set(&i.selection_set);
                        self.on.entry(t.to_string()).or_default().merge(child);
                    }
                    _ => self.add_set(&i.selection_set),
                },
                Sel::FragmentSpread(_) => {}
            }
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.fields.is_empty() && self.on.is_empty()
    }

    pub(crate) fn merge(&mut self, other: Selection) {
        for (name, child) in other.fields {
            self.fields.entry(name).or_default().merge(child);
        }
        for (ty, child) in other.on {
            self.on.entry(ty).or_default().merge(child);
        }
    }

    /// The selection as seen on type `ty`: its fields plus what `... on ty` adds.
    pub(crate) fn narrowed(&self, ty: &str) -> Selection {
        let mut out = Selection {
            fields: self.fields.clone(),
            on: self.on.clone(),
        };
        if let Some(part) = out.on.remove(ty) {
            out.merge(part);
        }
        out
    }

    /// The sub-selection of one field, if selected.
    pub(crate) fn child(&self, field: &str) -> Option<&Selection> {
        self.fields.get(field)
    }
}

#[cfg(test)]
mod tests {
    use super::Selection;
    use apollo_compiler::Schema;

    #[test]
    fn field_sets_with_arguments_fragments_and_nesting_become_name_trees() {
        let schema = Schema::parse_and_validate(
            "type Query { p: Post } type Post { id: ID comments(limit: Int!): [Comment] } \
             interface Comment { authorId: ID } type Reply implements Comment { authorId: ID parent: Post }",
            "s.graphql",
        )
        .expect("valid test schema");
        let s = Selection::parse(
            &schema,
            "Post",
            "id comments(limit: 3) { authorId ... on Reply { parent { id } } }",
        )
        .expect("valid field set");
        assert_eq!(s.fields.keys().collect::<Vec<_>>(), vec!["comments", "id"]);
        let comments = s.child("comments").expect("comments selected");
        assert_eq!(comments.fields.keys().collect::<Vec<_>>(), vec!["authorId"]);
        let reply = comments.narrowed("Reply");
        assert_eq!(
            reply.fields.keys().collect::<Vec<_>>(),
            vec!["authorId", "parent"]
        );
        assert!(reply.on.is_empty());
    }
}

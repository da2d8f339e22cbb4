//! How a free-form document is compared with the manifest's: parsed, its operations and
//! fragments sorted by name, and printed again. Whitespace, commas, comments and the order in
//! which a client puts its definitions (which bundlers do not keep stable) make no difference;
//! the selections themselves must be the same, in the same order. This is the comparison
//! Apollo Router's safelist makes.

use apollo_compiler::ast::{Definition, Document, Selection};
use std::collections::HashSet;

/// A manifest document normalised; one that does not parse is kept as it is, so that it still
/// matches itself character for character.
pub(super) fn normalise(text: &str) -> String {
    match Document::parse(text, "manifest.graphql") {
        Ok(document) => normalise_document(&document),
        Err(_) => text.to_string(),
    }
}

/// The canonical text of a parsed document: operations by name, then fragments by name.
pub(super) fn normalise_document(document: &Document) -> String {
    let mut operations = Vec::new();
    let mut fragments = Vec::new();
    for definition in &document.definitions {
        match definition {
            Definition::OperationDefinition(operation) => operations.push(operation.clone()),
            Definition::FragmentDefinition(fragment) => fragments.push(fragment.clone()),
            _ => {}
        }
    }
    operations.sort_by(|a, b| a.name.cmp(&b.name));
    fragments.sort_by(|a, b| a.name.cmp(&b.name));
    let mut canonical = Document::new();
    canonical
        .definitions
        .extend(operations.into_iter().map(Definition::from));
    canonical
        .definitions
        .extend(fragments.into_iter().map(Definition::from));
    canonical.to_string()
}

/// Whether every operation of the document selects only `__schema`, `__type` and
/// `__typename` at its root (through its fragments): such documents are allowed without the
/// manifest while introspection is on, so tools such as GraphiQL keep working under a
/// safelist.
pub(super) fn is_introspection_only(document: &Document) -> bool {
    let mut operations = document
        .definitions
        .iter()
        .filter_map(|definition| match definition {
            Definition::OperationDefinition(operation) => Some(operation),
            _ => None,
        })
        .peekable();
    operations.peek().is_some()
        && operations.all(|operation| {
            root_is_introspection(document, &operation.selection_set, &mut HashSet::new())
        })
}

fn root_is_introspection<'a>(
    document: &'a Document,
    selections: &'a [Selection],
    visited: &mut HashSet<&'a str>,
) -> bool {
    selections.iter().all(|selection| match selection {
        Selection::Field(field) => field.name.starts_with("__"),
        Selection::InlineFragment(inline) => {
            root_is_introspection(document, &inline.selection_set, visited)
        }
        Selection::FragmentSpread(spread) => {
            // A fragment seen before was checked (or is being checked) already.
            if !visited.insert(spread.fragment_name.as_str()) {
                return true;
            }
            document
                .definitions
                .iter()
                .find_map(|definition| match definition {
                    Definition::FragmentDefinition(fragment)
                        if fragment.name == spread.fragment_name =>
                    {
                        Some(root_is_introspection(
                            document,
                            &fragment.selection_set,
                            visited,
                        ))
                    }
                    _ => None,
                })
                .unwrap_or(false)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Document {
        Document::parse(text, "test.graphql").expect("parses")
    }

    #[test]
    fn formatting_comments_and_definition_order_do_not_matter_but_field_order_does() {
        let manifest = normalise("fragment F on T { a }\nquery Q { ...F b }");
        assert_eq!(
            normalise_document(&parsed("# c\nquery Q{...F,b}  fragment F on T{a}")),
            manifest
        );
        assert_ne!(
            normalise_document(&parsed("query Q { b ...F } fragment F on T { a }")),
            manifest
        );
        assert_eq!(normalise("}}}"), "}}}");
    }

    #[test]
    fn introspection_only_documents_are_recognised() {
        assert!(is_introspection_only(&parsed(
            "query I { __schema { types { name } } ...F } fragment F on Query { __typename }"
        )));
        assert!(!is_introspection_only(&parsed(
            "{ __typename ...F } fragment F on Query { volunteers { id } }"
        )));
        assert!(!is_introspection_only(&parsed(
            "fragment F on Query { __typename }"
        )));
    }
}

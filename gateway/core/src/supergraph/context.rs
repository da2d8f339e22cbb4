//! Reads `@context(name:)` on types and `@join__field(contextArguments:)` on fields (join v0.5,
//! Federation 2.8 `@context`/`@fromContext`).

use super::ContextArgument;
use super::links::Links;
use crate::selection::SelectionSet;
use apollo_compiler::ast::{self, Value};
use apollo_compiler::schema::{Directive, DirectiveList};
use apollo_compiler::{Name, Node, Schema};
use std::collections::HashMap;

/// Every context the supergraph sets, with the types that set it, in schema order.
pub(super) fn read_contexts(schema: &Schema, links: &Links) -> HashMap<String, Vec<Name>> {
    let mut contexts: HashMap<String, Vec<Name>> = HashMap::new();
    for (name, ty) in &schema.types {
        for context in type_contexts(ty.directives(), links) {
            contexts.entry(context).or_default().push(name.clone());
        }
    }
    contexts
}

/// The contexts a type sets.
pub(super) fn type_contexts(directives: &DirectiveList, links: &Links) -> Vec<String> {
    let name = links.directive("context", "context");
    directives
        .get_all(&name)
        .filter_map(|d| d.specified_argument_by_name("name")?.as_str())
        .map(str::to_string)
        .collect()
}

/// The names of the arguments a field definition takes from contexts, in any subgraph: they
/// are no part of the API schema.
pub(super) fn argument_names(directives: &ast::DirectiveList, links: &Links) -> Vec<Name> {
    let field_directive = links.join_directive("field");
    directives
        .get_all(&field_directive)
        .filter_map(|d| d.specified_argument_by_name("contextArguments"))
        .filter_map(|v| match v.as_ref() {
            Value::List(items) => Some(items.clone()),
            _ => None,
        })
        .flatten()
        .filter_map(|item| object_string(&item, "name").and_then(|n| Name::new(n).ok()))
        .collect()
}

/// Why a `contextArguments` entry cannot be read.
pub(super) enum ArgumentError {
    /// A required key is missing or not a string.
    Missing(&'static str),
    /// The entry names a context no type sets.
    UnknownContext(String),
    /// The selection does not parse on a type that sets the context: (type, reason).
    Selection(Name, String),
}

/// Reads `contextArguments` of one `@join__field`, parsing each selection with `parse` on every
/// type that sets the context.
pub(super) fn read_arguments(
    directive: &Node<Directive>,
    contexts: &HashMap<String, Vec<Name>>,
    parse: impl Fn(&Name, &str) -> Result<SelectionSet, String>,
) -> Result<Vec<ContextArgument>, ArgumentError> {
    let Some(value) = directive.specified_argument_by_name("contextArguments") else {
        return Ok(Vec::new());
    };
    let Value::List(items) = value.as_ref() else {
        return Err(ArgumentError::Missing("contextArguments (a list)"));
    };
    let mut out = Vec::new();
    for item in items {
        let context = object_string(item, "context").ok_or(ArgumentError::Missing("context"))?;
        let name = object_string(item, "name")
            .and_then(|n| Name::new(n).ok())
            .ok_or(ArgumentError::Missing("name"))?;
        let ty = object_string(item, "type").ok_or(ArgumentError::Missing("type"))?;
        let selection =
            object_string(item, "selection").ok_or(ArgumentError::Missing("selection"))?;
        let types = contexts
            .get(context)
            .ok_or_else(|| ArgumentError::UnknownContext(context.to_string()))?;
        let selection = strip_braces(selection);
        let mut selections = Vec::new();
        for type_name in types {
            let parsed = parse(type_name, selection)
                .map_err(|reason| ArgumentError::Selection(type_name.clone(), reason))?;
            selections.push((type_name.clone(), parsed));
        }
        out.push(ContextArgument {
            context: context.to_string(),
            name,
            ty: ty.to_string(),
            selections,
        });
    }
    Ok(out)
}

/// `" { prop }"` -> `"prop"`: field sets are parsed without their braces.
fn strip_braces(selection: &str) -> &str {
    let trimmed = selection.trim();
    trimmed
        .strip_prefix('{')
        .and_then(|s| s.strip_suffix('}'))
        .map_or(trimmed, str::trim)
}

fn object_string<'a>(value: &'a Value, key: &str) -> Option<&'a str> {
    match value {
        Value::Object(fields) => fields
            .iter()
            .find(|(k, _)| k == key)
            .and_then(|(_, v)| v.as_str()),
        _ => None,
    }
}

//! `@context` / `@fromContext` (Federation 2.8) in one subgraph: reading them,
//! and Apollo's checks (context names, references to contexts that are set,
//! no default values, one field selected with the argument's type from every
//! type that sets the context, a resolvable key on the type of the field).

use super::Subgraph;
use super::fieldsets::parse_field_set;
use crate::diagnostic::{Code, Diagnostic};
use apollo_compiler::ast;
use apollo_compiler::executable::Selection;
use apollo_compiler::schema::ExtendedType;

/// One contextual argument: `field(arg: T @fromContext(field: "$ctx { f }"))`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ContextArgument {
    pub argument: String,
    pub ty: String,
    pub context: String,
    /// The selection after the context name, verbatim (Apollo keeps its leading space).
    pub selection: String,
}

/// Splits `$name rest` into the context name and the rest, as Apollo does;
/// `None` when the value does not start with a context reference.
pub(crate) fn parse_context(value: &str) -> Option<(String, String)> {
    let rest = skip_ignored(value).strip_prefix('$')?;
    let rest = skip_ignored(rest);
    let end = rest
        .char_indices()
        .find(|(i, c)| !(c.is_ascii_alphabetic() || *c == '_' || (*i > 0 && c.is_ascii_digit())))
        .map(|(i, _)| i)
        .unwrap_or(rest.len());
    if end == 0 {
        return None;
    }
    Some((rest[..end].to_string(), rest[end..].to_string()))
}

/// Skips GraphQL ignored tokens (white space, commas, comments).
fn skip_ignored(mut s: &str) -> &str {
    loop {
        let trimmed = s.trim_start_matches([' ', '\t', '\n', '\r', ',']);
        if let Some(comment) = trimmed.strip_prefix('#') {
            s = comment
                .split_once(['\n', '\r'])
                .map(|(_, r)| r)
                .unwrap_or("");
        } else {
            return trimmed;
        }
    }
}

impl Subgraph {
    /// Context names set on a type with `@context(name:)`.
    pub(crate) fn contexts_set(&self, type_name: &str) -> Vec<String> {
        let Some(directives) = self.type_directives(type_name) else {
            return Vec::new();
        };
        self.applied(directives, "context")
            .iter()
            .filter_map(|d| d.specified_argument_by_name("name")?.as_str())
            .map(str::to_string)
            .collect()
    }

    /// The contextual arguments of a field.
    pub(crate) fn context_arguments(&self, type_name: &str, field: &str) -> Vec<ContextArgument> {
        let Some(def) = self.field(type_name, field) else {
            return Vec::new();
        };
        def.arguments
            .iter()
            .filter_map(|a| {
                let value = self.context_reference(a)?;
                let (context, selection) = parse_context(&value)?;
                Some(ContextArgument {
                    argument: a.name.to_string(),
                    ty: a.ty.to_string(),
                    context,
                    selection,
                })
            })
            .collect()
    }

    /// The `@fromContext(field:)` value of an argument, if it has one.
    pub(crate) fn context_reference(&self, arg: &ast::InputValueDefinition) -> Option<String> {
        self.applied(&arg.directives, "fromContext")
            .first()
            .map(|d| {
                d.specified_argument_by_name("field")
                    .and_then(|v| v.as_str())
                    .unwrap_or_default()
                    .to_string()
            })
    }
}

/// (type, field) selected by context selections: external fields they use are in use.
pub(crate) fn used_fields(sg: &Subgraph) -> Vec<(String, String)> {
    let mut used = Vec::new();
    if sg.local("fromContext").is_none() {
        return used;
    }
    let mut setters: Vec<(String, String)> = Vec::new();
    for (type_name, _) in sg.merged_types() {
        for context in sg.contexts_set(type_name) {
            setters.push((context, type_name.to_string()));
        }
    }
    for (type_name, ty) in sg.merged_types() {
        let ExtendedType::Object(o) = ty else {
            continue;
        };
        for field in o.fields.keys() {
            for arg in sg.context_arguments(type_name, field) {
                for (_, setter) in setters.iter().filter(|(c, _)| *c == arg.context) {
                    for (condition, text) in split_type_conditions(&arg.selection) {
                        let on = condition.unwrap_or_else(|| setter.clone());
                        if let Ok(set) = parse_field_set(&sg.schema, &on, &text) {
                            used.extend(
                                super::fieldsets::collect_fields(&set.selection_set)
                                    .into_iter()
                                    .map(|f| (f.parent, f.name)),
                            );
                        }
                    }
                }
            }
        }
    }
    used
}

/// Apollo's checks of `@context` and `@fromContext` in one subgraph.
pub(crate) fn check(sg: &Subgraph) -> Vec<Diagnostic> {
    let name = &sg.name;
    let mut diagnostics = Vec::new();
    if sg.local("context").is_none() && sg.local("fromContext").is_none() {
        return diagnostics;
    }
    // context name -> types setting it
    let mut setters: Vec<(String, String)> = Vec::new();
    for (type_name, _) in sg.merged_types() {
        for context in sg.contexts_set(type_name) {
            if context.contains('_') {
                diagnostics.push(
                    Diagnostic::new(
                        Code::CONTEXT_NAME_INVALID,
                        format!(
                            "[{name}] Context name \"{context}\" may not contain an underscore."
                        ),
                    )
                    .subgraph(name)
                    .coordinate(type_name),
                );
            } else if context.is_empty() || !context.chars().all(|c| c.is_ascii_alphanumeric()) {
                diagnostics.push(
                    Diagnostic::new(Code::CONTEXT_NAME_INVALID, format!("[{name}] Context name \"{context}\" is invalid. It should have only alphanumeric characters."))
                        .subgraph(name)
                        .coordinate(type_name),
                );
            }
            setters.push((context, type_name.to_string()));
        }
    }
    for (type_name, ty) in sg.merged_types() {
        let (fields, is_abstract) = match ty {
            ExtendedType::Object(o) => (&o.fields, false),
            ExtendedType::Interface(i) => (&i.fields, true),
            _ => continue,
        };
        let mut contextual = false;
        for (field, def) in fields {
            for arg in &def.arguments {
                let Some(value) = sg.context_reference(arg) else {
                    continue;
                };
                let coordinate = format!("{type_name}.{field}({}:)", arg.name);
                let mut fail = |code: Code, message: String| {
                    diagnostics.push(
                        Diagnostic::new(code, format!("[{name}] {message}"))
                            .subgraph(name)
                            .coordinate(coordinate.clone()),
                    );
                };
                let Some((context, selection)) = parse_context(&value) else {
                    fail(
                        Code::NO_CONTEXT_IN_SELECTION,
                        format!("@fromContext argument does not reference a context \"{value}\"."),
                    );
                    continue;
                };
                if is_abstract {
                    fail(
                        Code::CONTEXT_NOT_SET,
                        format!(
                            "@fromContext argument cannot be used on a field that exists on an abstract type \"{coordinate}\"."
                        ),
                    );
                    continue;
                }
                if arg.default_value.is_some() {
                    fail(
                        Code::CONTEXT_NOT_SET,
                        format!(
                            "@fromContext arguments may not have a default value: \"{coordinate}\"."
                        ),
                    );
                    continue;
                }
                let types: Vec<&String> = setters
                    .iter()
                    .filter(|(c, _)| *c == context)
                    .map(|(_, t)| t)
                    .collect();
                if types.is_empty() {
                    fail(
                        Code::CONTEXT_NOT_SET,
                        format!(
                            "Context \"{context}\" is used at location \"{coordinate}\" but is never set."
                        ),
                    );
                    continue;
                }
                for setter in types {
                    if let Err(problem) = check_selection(sg, setter, &selection, &arg.ty) {
                        fail(
                            Code::CONTEXT_INVALID_SELECTION,
                            format!(
                                "Context \"{context}\" is used in \"{coordinate}\" but the selection is invalid{problem}"
                            ),
                        );
                        break;
                    }
                }
                contextual = true;
            }
        }
        if contextual && !sg.keys(type_name).iter().any(|k| k.resolvable()) {
            diagnostics.push(
                Diagnostic::new(Code::CONTEXT_NO_RESOLVABLE_KEY, format!("[{name}] Object \"{type_name}\" has no resolvable key but has an a field with a contextual argument."))
                    .subgraph(name)
                    .coordinate(type_name),
            );
        }
    }
    diagnostics
}

/// Checks a context selection against one type setting the context. The error
/// text continues Apollo's "the selection is invalid" sentence.
fn check_selection(
    sg: &Subgraph,
    setter: &str,
    selection: &str,
    expected: &ast::Type,
) -> Result<(), String> {
    let mut selected = Vec::new();
    for (condition, text) in split_type_conditions(selection) {
        let on = match &condition {
            None => setter.to_string(),
            Some(c) if c == setter || sg.possible_types(c).iter().any(|t| t == setter) => c.clone(),
            Some(_) => continue,
        };
        let set = parse_field_set(&sg.schema, &on, &text)
            .map_err(|e| format!(" for type {setter}. Error: {e}"))?;
        for s in &set.selection_set.selections {
            if let Selection::Field(f) = s {
                selected.push(f.clone());
            }
        }
    }
    if selected.is_empty() {
        return Err(format!(
            ": no type condition matches the location \"{setter}\""
        ));
    }
    let mut names: Vec<&str> = selected.iter().map(|f| f.name.as_str()).collect();
    names.dedup();
    if names.len() > 1 {
        return Err(": multiple selections are made".to_string());
    }
    for f in &selected {
        if f.alias.is_some() {
            return Err(": aliases are not allowed in the selection".to_string());
        }
        if !f.directives.is_empty() {
            return Err(": directives are not allowed in the selection".to_string());
        }
        if !f.selection_set.selections.is_empty() {
            // A composite value is passed whole; its shape is the subgraph's business.
            continue;
        }
        if !value_fits(&f.definition.ty, expected) {
            return Err(format!(
                ": the type of the selection does not match the expected type \"{expected}\""
            ));
        }
    }
    Ok(())
}

/// `{ a }` -> [(None, "{ a }")]; `... on A { a } ... on B { b }` ->
/// [(Some(A), "{ a }"), (Some(B), "{ b }")]: each part is validated on its own
/// type, as one field set could not hold conditions on unrelated types.
fn split_type_conditions(selection: &str) -> Vec<(Option<String>, String)> {
    let trimmed = selection.trim();
    if !trimmed.starts_with("...") {
        return vec![(None, trimmed.to_string())];
    }
    let mut parts = Vec::new();
    let mut rest = trimmed;
    while let Some(after) = rest.trim_start().strip_prefix("...") {
        let after = after.trim_start();
        let (condition, body) = match after.strip_prefix("on") {
            Some(r) if r.starts_with(char::is_whitespace) => {
                let r = r.trim_start();
                let end = r
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(r.len());
                (Some(r[..end].to_string()), &r[end..])
            }
            _ => (None, after),
        };
        let body = body.trim_start();
        let mut depth = 0usize;
        let mut end = body.len();
        for (i, c) in body.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        end = i + 1;
                        break;
                    }
                }
                _ => {}
            }
        }
        parts.push((condition, body[..end].to_string()));
        rest = &body[end..];
    }
    parts
}

/// Whether a selected field's type can feed an argument of type `expected`:
/// same named types and list shape; a non-null argument needs a non-null value.
fn value_fits(value: &ast::Type, expected: &ast::Type) -> bool {
    match (value, expected) {
        (ast::Type::NonNullNamed(a), ast::Type::NonNullNamed(b))
        | (ast::Type::NonNullNamed(a), ast::Type::Named(b))
        | (ast::Type::Named(a), ast::Type::Named(b)) => a == b,
        (ast::Type::NonNullList(a), ast::Type::NonNullList(b))
        | (ast::Type::NonNullList(a), ast::Type::List(b))
        | (ast::Type::List(a), ast::Type::List(b)) => value_fits(a, b),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_context;

    #[test]
    fn context_references_split_like_apollo() {
        assert_eq!(
            parse_context("$context { prop }"),
            Some(("context".to_string(), " { prop }".to_string()))
        );
        assert_eq!(
            parse_context("  $ctx2 ... on Foo { a } ... on Bar { b }"),
            Some((
                "ctx2".to_string(),
                " ... on Foo { a } ... on Bar { b }".to_string()
            ))
        );
        assert_eq!(parse_context("{ prop }"), None);
        assert_eq!(parse_context("$ { prop }"), None);
    }
}

//! The API schema of a supergraph: what clients see. It is the supergraph
//! without the `join`/`link` machinery, without the definitions of linked
//! specs, and without every element marked `@inaccessible`.

use crate::diagnostic::{Code, Diagnostic};
use apollo_compiler::Schema;
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use std::collections::HashSet;

#[derive(Debug, thiserror::Error)]
pub enum ApiSchemaError {
    #[error("the supergraph SDL does not parse: {0}")]
    Parse(String),
    #[error("the supergraph misuses @inaccessible: {}", .0.iter().map(|d| d.message.clone()).collect::<Vec<_>>().join("; "))]
    Inaccessible(Vec<Diagnostic>),
    #[error("the API schema is not a valid GraphQL schema: {0}")]
    Invalid(String),
}

/// Spec directives and types (by name prefix or name) that never reach the API schema.
fn spec_names(schema: &Schema) -> (HashSet<String>, Vec<String>, String) {
    let mut directives: HashSet<String> = ["link".to_string()].into_iter().collect();
    let mut prefixes = vec!["join__".to_string(), "link__".to_string()];
    let mut inaccessible = "inaccessible".to_string();
    for d in schema
        .schema_definition
        .directives
        .iter()
        .filter(|d| d.name == "link")
    {
        let Some(url) = d.specified_argument_by_name("url").and_then(|v| v.as_str()) else {
            continue;
        };
        let Some((_, name, _)) = crate::spec::parse_spec_url(url) else {
            continue;
        };
        if ![
            "join",
            "link",
            "tag",
            "inaccessible",
            "authenticated",
            "requiresScopes",
            "policy",
            "cost",
        ]
        .contains(&name.as_str())
        {
            continue;
        }
        let prefix = d
            .specified_argument_by_name("as")
            .and_then(|v| v.as_str())
            .unwrap_or(&name)
            .to_string();
        directives.insert(prefix.clone());
        prefixes.push(format!("{prefix}__"));
        if let Some(apollo_compiler::ast::Value::List(items)) =
            d.specified_argument_by_name("import").map(|v| v.as_ref())
        {
            for item in items {
                let local = match item.as_ref() {
                    apollo_compiler::ast::Value::String(s) => Some(s.clone()),
                    apollo_compiler::ast::Value::Object(fields) => fields
                        .iter()
                        .find(|(n, _)| n == "as")
                        .or_else(|| fields.iter().find(|(n, _)| n == "name"))
                        .and_then(|(_, v)| v.as_str())
                        .map(str::to_string),
                    _ => None,
                };
                if let Some(local) = local {
                    directives.insert(local.trim_start_matches('@').to_string());
                }
            }
        }
        if name == "inaccessible" {
            inaccessible = prefix;
        }
    }
    (directives, prefixes, inaccessible)
}

/// Builds the API schema of a supergraph SDL.
pub fn api_schema(supergraph_sdl: &str) -> Result<Valid<Schema>, ApiSchemaError> {
    let mut schema = Schema::parse(supergraph_sdl, "supergraph.graphql")
        .map_err(|e| ApiSchemaError::Parse(e.errors.to_string()))?;
    let (spec_directives, prefixes, inaccessible) = spec_names(&schema);
    let is_spec_directive =
        |n: &str| spec_directives.contains(n) || prefixes.iter().any(|p| n.starts_with(p.as_str()));
    let hidden =
        |d: &apollo_compiler::ast::DirectiveList| d.iter().any(|d| d.name == inaccessible.as_str());

    let diagnostics = inaccessible_diagnostics(&schema, &inaccessible);
    if !diagnostics.is_empty() {
        return Err(ApiSchemaError::Inaccessible(diagnostics));
    }

    let hidden_types: HashSet<String> = schema
        .types
        .iter()
        .filter(|(n, t)| {
            prefixes.iter().any(|p| n.starts_with(p.as_str()))
                || t.directives()
                    .iter()
                    .any(|d| d.name == inaccessible.as_str())
        })
        .map(|(n, _)| n.to_string())
        .collect();
    schema
        .types
        .retain(|n, _| !hidden_types.contains(n.as_str()));
    schema
        .directive_definitions
        .retain(|n, _| !is_spec_directive(n));
    schema
        .schema_definition
        .make_mut()
        .directives
        .0
        .retain(|d| !is_spec_directive(&d.name));
    for ty in schema.types.values_mut() {
        match ty {
            ExtendedType::Object(o) => {
                let o = o.make_mut();
                o.directives.0.retain(|d| !is_spec_directive(&d.name));
                o.implements_interfaces
                    .retain(|i| !hidden_types.contains(i.name.as_str()));
                o.fields.retain(|_, f| !hidden(&f.directives));
                for f in o.fields.values_mut() {
                    let f = f.make_mut();
                    f.directives.0.retain(|d| !is_spec_directive(&d.name));
                    f.arguments.retain(|a| !hidden(&a.directives));
                    for a in &mut f.arguments {
                        a.make_mut()
                            .directives
                            .0
                            .retain(|d| !is_spec_directive(&d.name));
                    }
                }
            }
            ExtendedType::Interface(o) => {
                let o = o.make_mut();
                o.directives.0.retain(|d| !is_spec_directive(&d.name));
                o.implements_interfaces
                    .retain(|i| !hidden_types.contains(i.name.as_str()));
                o.fields.retain(|_, f| !hidden(&f.directives));
                for f in o.fields.values_mut() {
                    let f = f.make_mut();
                    f.directives.0.retain(|d| !is_spec_directive(&d.name));
                    f.arguments.retain(|a| !hidden(&a.directives));
                    for a in &mut f.arguments {
                        a.make_mut()
                            .directives
                            .0
                            .retain(|d| !is_spec_directive(&d.name));
                    }
                }
            }
            ExtendedType::Union(u) => {
                let u = u.make_mut();
                u.directives.0.retain(|d| !is_spec_directive(&d.name));
                u.members
                    .retain(|m| !hidden_types.contains(m.name.as_str()));
            }
            ExtendedType::Enum(e) => {
                let e = e.make_mut();
                e.directives.0.retain(|d| !is_spec_directive(&d.name));
                e.values.retain(|_, v| !hidden(&v.directives));
                for v in e.values.values_mut() {
                    v.make_mut()
                        .directives
                        .0
                        .retain(|d| !is_spec_directive(&d.name));
                }
            }
            ExtendedType::InputObject(i) => {
                let i = i.make_mut();
                i.directives.0.retain(|d| !is_spec_directive(&d.name));
                i.fields.retain(|_, f| !hidden(&f.directives));
                for f in i.fields.values_mut() {
                    f.make_mut()
                        .directives
                        .0
                        .retain(|d| !is_spec_directive(&d.name));
                }
            }
            ExtendedType::Scalar(s) => {
                s.make_mut()
                    .directives
                    .0
                    .retain(|d| !is_spec_directive(&d.name));
            }
        }
    }
    schema
        .validate()
        .map_err(|e| ApiSchemaError::Invalid(e.errors.to_string()))
}

/// The `@inaccessible` rules: what stays visible must not reference what is hidden.
fn inaccessible_diagnostics(schema: &Schema, inaccessible: &str) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let hidden = |d: &apollo_compiler::ast::DirectiveList| d.iter().any(|d| d.name == inaccessible);
    let type_hidden = |name: &str| {
        schema
            .types
            .get(name)
            .is_some_and(|t| t.directives().iter().any(|d| d.name == inaccessible))
    };
    if type_hidden("Query") {
        out.push(Diagnostic::new(Code::QUERY_ROOT_TYPE_INACCESSIBLE, "Type \"Query\" is @inaccessible but is the query root type, which must be in the API schema.").coordinate("Query"));
    }
    for (name, ty) in &schema.types {
        if type_hidden(name) || name.starts_with("join__") || name.starts_with("link__") {
            continue;
        }
        let mut children = 0;
        let mut visible = 0;
        let mut references: Vec<(String, String)> = Vec::new();
        let mut check_ref = |coordinate: String, ty: &apollo_compiler::ast::Type| {
            let base = ty.inner_named_type();
            if type_hidden(base) {
                references.push((coordinate, base.to_string()));
            }
        };
        let mut fields: Vec<(
            &apollo_compiler::Name,
            &apollo_compiler::ast::FieldDefinition,
        )> = Vec::new();
        match ty {
            ExtendedType::Object(o) => fields.extend(o.fields.iter().map(|(n, f)| (n, &***f))),
            ExtendedType::Interface(o) => fields.extend(o.fields.iter().map(|(n, f)| (n, &***f))),
            ExtendedType::InputObject(i) => {
                for (n, f) in &i.fields {
                    children += 1;
                    let coordinate = format!("{name}.{n}");
                    if hidden(&f.directives) {
                        if f.ty.is_non_null() && f.default_value.is_none() {
                            out.push(Diagnostic::new(Code::REQUIRED_INACCESSIBLE, format!("Input field \"{coordinate}\" is @inaccessible but is a required input field of its type.")).coordinate(coordinate));
                        }
                    } else {
                        visible += 1;
                        check_ref(coordinate, &f.ty);
                    }
                }
            }
            ExtendedType::Enum(e) => {
                children = e.values.len();
                visible = e.values.values().filter(|v| !hidden(&v.directives)).count();
            }
            ExtendedType::Union(u) => {
                children = u.members.len();
                visible = u.members.iter().filter(|m| !type_hidden(&m.name)).count();
            }
            ExtendedType::Scalar(_) => {}
        }
        for (n, f) in fields {
            if n.starts_with("__") {
                continue;
            }
            children += 1;
            let coordinate = format!("{name}.{n}");
            if hidden(&f.directives) {
                continue;
            }
            visible += 1;
            check_ref(coordinate.clone(), &f.ty);
            for a in &f.arguments {
                let arg = format!("{coordinate}({}:)", a.name);
                if hidden(&a.directives) {
                    if a.ty.is_non_null() && a.default_value.is_none() {
                        out.push(Diagnostic::new(Code::REQUIRED_INACCESSIBLE, format!("Argument \"{arg}\" is @inaccessible but is a required argument of its field.")).coordinate(arg));
                    }
                } else {
                    check_ref(arg, &a.ty);
                }
            }
        }
        for (coordinate, base) in references {
            out.push(
                Diagnostic::new(Code::REFERENCED_INACCESSIBLE, format!("Type \"{base}\" is @inaccessible but is referenced by \"{coordinate}\", which is in the API schema."))
                    .coordinate(coordinate)
                    .coordinate(base),
            );
        }
        if children > 0 && visible == 0 {
            out.push(
                Diagnostic::new(Code::ONLY_INACCESSIBLE_CHILDREN, format!("Type \"{name}\" is in the API schema but all of its members are @inaccessible."))
                    .coordinate(name.to_string()),
            );
        }
    }
    out
}

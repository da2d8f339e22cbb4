//! Turns one subgraph SDL into a validated [`Subgraph`]: parse, rename root
//! types, read links, define the federation directives it may use, validate
//! as GraphQL, then check its federation directives.

use super::links::read_links;
use super::rename::rename_root_types;
use super::{Subgraph, fieldsets};
use crate::SubgraphSdl;
use crate::diagnostic::{Code, Diagnostic};
use crate::spec;
use apollo_compiler::Schema;
use apollo_compiler::ast::{self, Definition};
use apollo_compiler::validation::DiagnosticList;
use std::collections::{HashMap, HashSet};

pub(crate) fn build(input: &SubgraphSdl) -> Result<Subgraph, Vec<Diagnostic>> {
    let name = input.name.as_str();
    let mut doc = match ast::Document::parse(input.sdl.as_str(), format!("{name}.graphql")) {
        Ok(doc) => doc,
        Err(with_errors) => return Err(graphql_errors(name, &with_errors.errors)),
    };
    rename_root_types(&mut doc);
    let (links, mut diagnostics) = read_links(name, &doc);

    let injected = definitions_to_inject(&doc, &links);
    match ast::Document::parse(injected, "federation-definitions.graphql") {
        Ok(extra) => doc.definitions.extend(extra.definitions),
        Err(e) => {
            // Our own definitions failed to parse: a bug here, reported as such.
            diagnostics.push(Diagnostic::new(
                Code::INVALID_GRAPHQL,
                format!(
                    "[{name}] internal federation definitions are invalid: {}",
                    e.errors
                ),
            ));
            return Err(diagnostics);
        }
    }

    let schema = Schema::builder()
        .adopt_orphan_extensions()
        .add_ast(&doc)
        .build();
    let schema = match schema {
        Ok(s) => s,
        Err(with_errors) => {
            diagnostics.extend(graphql_errors(name, &with_errors.errors));
            return Err(diagnostics);
        }
    };
    let schema = match schema.validate() {
        Ok(valid) => valid,
        Err(with_errors) => {
            diagnostics.extend(graphql_errors(name, &with_errors.errors));
            return Err(diagnostics);
        }
    };

    let mut fed_locals = HashMap::new();
    for (canonical, local) in &links.names {
        fed_locals.insert(local.clone(), *canonical);
    }
    let composed = composed_directive_names(&schema, &links, &mut diagnostics, name);
    let mut subgraph = Subgraph {
        name: name.to_string(),
        url: input.url.clone(),
        schema,
        links,
        fed_locals,
        composed,
        key_fields: HashSet::new(),
        fake_externals: HashSet::new(),
        used_in_field_sets: HashSet::new(),
    };
    diagnostics.extend(fieldsets::check(&mut subgraph));
    diagnostics.extend(super::context::check(&subgraph));
    if diagnostics.is_empty() {
        Ok(subgraph)
    } else {
        Err(diagnostics)
    }
}

fn graphql_errors(subgraph: &str, errors: &DiagnosticList) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| {
            let json = e.to_json();
            let at = json
                .locations
                .first()
                .map(|l| format!(" (line {}, column {})", l.line, l.column))
                .unwrap_or_default();
            let mut d = Diagnostic::new(Code::INVALID_GRAPHQL, format!("[{subgraph}] {}{at}", json.message))
                .subgraph(subgraph);
            if json.message.contains("cannot find directive") {
                d = d.fix("Define the directive, or import it from the federation spec with @link (a Federation 1 subgraph, without @link, cannot use Federation 2 directives such as @shareable).");
            }
            d
        })
        .collect()
}

/// Definitions of everything federation-related the document uses but does not define.
fn definitions_to_inject(doc: &ast::Document, links: &super::Links) -> String {
    let mut defined: HashSet<String> = HashSet::new();
    let mut has_service_field = false;
    for def in &doc.definitions {
        match def {
            Definition::DirectiveDefinition(d) => {
                defined.insert(format!("@{}", d.name));
            }
            Definition::ObjectTypeDefinition(o) => {
                defined.insert(o.name.to_string());
                if o.name == "Query" && o.fields.iter().any(|f| f.name == "_service") {
                    has_service_field = true;
                }
            }
            Definition::ObjectTypeExtension(o) => {
                if o.name == "Query" && o.fields.iter().any(|f| f.name == "_service") {
                    has_service_field = true;
                }
            }
            other => {
                if let Some(n) = other.name() {
                    defined.insert(n.to_string());
                }
            }
        }
    }
    let mut out = String::new();
    let mut names: Vec<(&&str, &String)> = links.names.iter().collect();
    names.sort();
    for (canonical, local) in names {
        if !defined.contains(&format!("@{local}")) {
            out.push_str(&spec::directive_definition(canonical, local, links.version));
            out.push('\n');
        }
    }
    if !defined.contains("@link") {
        out.push_str(spec::LINK_DEFINITION);
        out.push('\n');
    }
    for (name, def) in spec::SUPPORT_TYPES {
        if !defined.contains(*name) {
            out.push_str(def);
            out.push('\n');
        }
    }
    // Every subgraph answers `_service`; it also guarantees a query root for
    // subgraphs that only contribute entity fields.
    if !defined.contains("_Service") {
        out.push_str("type _Service { sdl: String }\n");
    }
    if !has_service_field {
        out.push_str("extend type Query { _service: _Service! }\n");
    }
    out
}

/// Local names listed in `@composeDirective(name:)`; checks each is linked and defined.
fn composed_directive_names(
    schema: &Schema,
    links: &super::Links,
    diagnostics: &mut Vec<Diagnostic>,
    subgraph: &str,
) -> Vec<String> {
    let Some(local) = links.names.get("composeDirective") else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for d in schema
        .schema_definition
        .directives
        .iter()
        .filter(|d| d.name == local.as_str())
    {
        let Some(name) = d
            .specified_argument_by_name("name")
            .and_then(|v| v.as_str())
        else {
            continue;
        };
        let bare = name.trim_start_matches('@');
        let linked = links.links.iter().any(|l| {
            l.identity != spec::FEDERATION_IDENTITY
                && l.identity != spec::LINK_IDENTITY
                && l.imports
                    .iter()
                    .any(|(_, local)| local.trim_start_matches('@') == bare)
        });
        if !name.starts_with('@') || !linked || !schema.directive_definitions.contains_key(bare) {
            diagnostics.push(
                Diagnostic::new(
                    Code::DIRECTIVE_COMPOSITION_ERROR,
                    format!(
                        "[{subgraph}] Could not compose directive \"{name}\": it must be imported from a linked spec (@link(url:, import:)) and defined in the subgraph."
                    ),
                )
                .subgraph(subgraph),
            );
            continue;
        }
        out.push(bare.to_string());
    }
    out
}

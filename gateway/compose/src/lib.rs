//! Apollo Federation v2 composition: subgraph SDLs to a supergraph SDL, with
//! diagnostics, the API schema of a supergraph, and schema checks.
//!
//! The entry point is [`compose`]; [`api_schema`] and [`check`] build on it.

mod api;
mod check;
pub mod config;
mod diagnostic;
mod diff;
pub mod fetch;
mod merge;
mod satisfiability;
mod spec;
mod subgraph;
mod supergraph;

pub use api::{ApiSchemaError, api_schema};
pub use check::{CheckReport, check};
pub use diagnostic::{Code, Diagnostic, render as render_diagnostics};
pub use diff::{BreakingChange, ChangeKind, breaking_changes};
pub use spec::Version;

/// One subgraph to compose: its name, the URL the gateway will call, its SDL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubgraphSdl {
    pub name: String,
    pub url: String,
    pub sdl: String,
}

impl SubgraphSdl {
    pub fn new(name: impl Into<String>, url: impl Into<String>, sdl: impl Into<String>) -> Self {
        SubgraphSdl {
            name: name.into(),
            url: url.into(),
            sdl: sdl.into(),
        }
    }
}

/// A composed supergraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supergraph {
    /// The supergraph SDL (`@link`, `join__*`), as Apollo's composition prints it.
    pub sdl: String,
    /// The join spec version written (`0.3`, `0.4` or `0.5`).
    pub join_version: Version,
}

/// Composes subgraphs into a supergraph, or returns every problem found.
///
/// Steps:
/// 1. **validate** each subgraph on its own: parse the SDL, rename non-default
///    root types, read its `@link`s (Federation 2) or accept it as Federation 1,
///    define the federation directives it may use (honouring `import` renames and
///    `@federation__*` names), validate it as GraphQL, then check its `@key`,
///    `@requires`, `@provides` and `@external` usage; then read Federation 1
///    extensions without `@key` as Apollo's upgrader does (see `subgraph::fed1`);
/// 2. **merge** the subgraphs (sorted by name, as Apollo does): type kinds,
///    interfaces and union members, fields with `@override`, `@external`,
///    `@shareable` and type subtyping rules, arguments and input types by
///    intersection, enums by usage, carried directives (`@tag`, `@inaccessible`,
///    access control, `@composeDirective`), `@interfaceObject` fields;
/// 3. **check satisfiability**: every field a client can select must be
///    resolvable from every place a query plan can reach its type;
/// 4. **emit** the supergraph SDL, and verify its API schema can be built
///    (`@inaccessible` rules).
///
/// Diagnostics of one step are all reported together; later steps run only when
/// earlier ones found nothing, so that errors are not artifacts of earlier ones.
pub fn compose(subgraphs: &[SubgraphSdl]) -> Result<Supergraph, Vec<Diagnostic>> {
    let mut diagnostics = check_names(subgraphs);
    let mut sorted: Vec<&SubgraphSdl> = subgraphs.iter().collect();
    sorted.sort_by(|a, b| a.name.cmp(&b.name));
    let mut built = Vec::new();
    for input in sorted {
        match subgraph::build(input) {
            Ok(sg) => built.push(sg),
            Err(mut errors) => diagnostics.append(&mut errors),
        }
    }
    if !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    subgraph::upgrade_keyless_extensions(&mut built);
    let merged = merge::merge(&built)?;
    satisfiability::check(&built, &merged.schema)?;
    let sdl = supergraph::print::print(&merged.schema);
    api::api_schema(&sdl).map_err(|e| match e {
        ApiSchemaError::Inaccessible(d) => d,
        other => vec![Diagnostic::new(
            Code::INVALID_GRAPHQL,
            format!("The composed supergraph is invalid: {other}"),
        )],
    })?;
    Ok(Supergraph {
        sdl,
        join_version: merged.join,
    })
}

fn check_names(subgraphs: &[SubgraphSdl]) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for s in subgraphs {
        if s.name.is_empty() || s.name == "_" {
            diagnostics.push(
                Diagnostic::new(
                    Code::INVALID_SUBGRAPH_NAME,
                    format!("Invalid subgraph name \"{}\".", s.name),
                )
                .subgraph(&s.name),
            );
        }
        if !seen.insert(s.name.as_str()) {
            diagnostics.push(
                Diagnostic::new(
                    Code::DUPLICATE_SUBGRAPH_NAME,
                    format!("A subgraph named \"{}\" already exists.", s.name),
                )
                .subgraph(&s.name),
            );
        }
    }
    diagnostics
}

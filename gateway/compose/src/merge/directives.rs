//! Which subgraph directives reach the supergraph (spec directives such as
//! `@tag` and `@inaccessible`, access control, `@composeDirective`d ones and
//! GraphQL built-ins), under which names, and how their applications merge.

use crate::diagnostic::{Code, Diagnostic};
use crate::spec::{self, SupergraphSpec};
use crate::subgraph::{Directives, Link, Subgraph};
use crate::supergraph::model::{Applied, print_value, string_literal};
use apollo_compiler::ast;
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;
use std::collections::HashSet;

const BUILT_IN_MERGED: &[&str] = &["deprecated", "specifiedBy", "oneOf"];
pub(crate) const ACCESS_CONTROL: &[&str] = &["authenticated", "requiresScopes", "policy"];

/// The carried directives of a composition.
#[derive(Debug, Default)]
pub(crate) struct Carried {
    /// Canonical federation name -> name in the supergraph.
    pub names: IndexMap<&'static str, String>,
    /// `@link`s for the specs of carried directives, in Apollo's order.
    pub links: Vec<Applied>,
    /// Directive or type name -> definition to print in the supergraph.
    pub definitions: Vec<(String, String)>,
    /// Composed (custom) directives: supergraph name -> repeatable.
    pub composed: IndexMap<String, bool>,
}

impl Carried {
    pub(crate) fn analyze(sgs: &[Subgraph], diagnostics: &mut Vec<Diagnostic>) -> Carried {
        let mut carried = Carried::default();
        let mut specs: Vec<SupergraphSpec> = Vec::new();
        for sg in sgs {
            let used = applied_names(sg);
            for (canonical, _) in spec::FEDERATION_DIRECTIVES {
                let Some(spec) = spec::supergraph_spec_for(canonical) else {
                    continue;
                };
                let Some(local) = sg.local(canonical) else {
                    continue;
                };
                if !used.contains(local) {
                    continue;
                }
                match carried.names.get(canonical) {
                    None => {
                        carried.names.insert(canonical, local.to_string());
                    }
                    Some(existing) if existing != local => {
                        diagnostics.push(
                            Diagnostic::new(
                                Code::LINK_IMPORT_NAME_MISMATCH,
                                format!("The \"@{canonical}\" directive (from {}) is imported with mismatched name between subgraphs: it is imported as \"@{existing}\" in an earlier subgraph but \"@{local}\" in subgraph \"{}\".", spec.url, sg.name),
                            )
                            .subgraph(&sg.name),
                        );
                    }
                    Some(_) => {}
                }
                if !specs.contains(&spec) {
                    specs.push(spec);
                }
            }
        }
        for spec in &specs {
            let mut imports = Vec::new();
            for (canonical, name) in &carried.names {
                if spec::supergraph_spec_for(canonical) != Some(*spec) {
                    continue;
                }
                let default = if *canonical == spec.name {
                    spec.name.to_string()
                } else {
                    format!("{}__{canonical}", spec.name)
                };
                // Apollo's composition imports `@context` by name even though
                // it is the spec's own directive (unlike `@tag`).
                if *name != default || *canonical == "context" {
                    imports.push(if name == canonical {
                        string_literal(&format!("@{canonical}"))
                    } else {
                        format!(
                            "{{name: {}, as: {}}}",
                            string_literal(&format!("@{canonical}")),
                            string_literal(&format!("@{name}"))
                        )
                    });
                }
                carried.definitions.push((
                    name.clone(),
                    spec::supergraph_directive_definition(canonical, name, spec.name),
                ));
                match *canonical {
                    "requiresScopes" => carried.definitions.push((
                        format!("{}__Scope", spec.name),
                        format!("scalar {}__Scope", spec.name),
                    )),
                    "policy" => carried.definitions.push((
                        format!("{}__Policy", spec.name),
                        format!("scalar {}__Policy", spec.name),
                    )),
                    // Contextual arguments leave the supergraph, yet the spec's
                    // other definitions come along, as in Apollo's supergraphs.
                    "context" => {
                        carried.definitions.push((
                            format!("{}__fromContext", spec.name),
                            format!("directive @{0}__fromContext(field: {0}__ContextFieldValue) on ARGUMENT_DEFINITION", spec.name),
                        ));
                        carried.definitions.push((
                            format!("{}__ContextFieldValue", spec.name),
                            format!("scalar {}__ContextFieldValue", spec.name),
                        ));
                    }
                    _ => {}
                }
            }
            // Apollo's argument order: url, import, for.
            let link = Applied::new("link")
                .arg("url", string_literal(spec.url))
                .arg_opt(
                    "import",
                    (!imports.is_empty()).then(|| format!("[{}]", imports.join(", "))),
                )
                .arg_opt("for", spec.purpose.map(str::to_string));
            carried.links.push(link);
        }
        carried.add_composed(sgs, diagnostics);
        carried
    }

    /// `@composeDirective`: link the latest version of each spec, define the
    /// directive. As in Apollo's composition, the "latest" subgraph of a spec
    /// (highest minor version among the subgraphs composing it; on a tie, the
    /// last one in subgraph order) gives the definition of every directive of
    /// that spec, arguments and default values included.
    fn add_composed(&mut self, sgs: &[Subgraph], diagnostics: &mut Vec<Diagnostic>) {
        // (identity, name in the spec with `@`, supergraph name), in subgraph order.
        let mut items: Vec<(String, String, String)> = Vec::new();
        // identity -> subgraphs composing one of its directives
        let mut composing: IndexMap<String, Vec<usize>> = IndexMap::new();
        for (i, sg) in sgs.iter().enumerate() {
            for local in &sg.composed {
                let Some(link) = sg.links.links.iter().find(|l| {
                    l.imports
                        .iter()
                        .any(|(_, a)| a.trim_start_matches('@') == local)
                }) else {
                    continue;
                };
                let orig = link
                    .imports
                    .iter()
                    .find(|(_, a)| a.trim_start_matches('@') == local)
                    .map(|(o, _)| o.clone())
                    .unwrap_or_else(|| format!("@{local}"));
                if !items.iter().any(|(_, _, n)| n == local) {
                    items.push((link.identity.clone(), orig, local.clone()));
                }
                let users = composing.entry(link.identity.clone()).or_default();
                if !users.contains(&i) {
                    users.push(i);
                }
            }
        }
        // Features in order of first appearance among all subgraphs' links.
        let mut identities: Vec<&str> = Vec::new();
        for sg in sgs {
            for link in &sg.links.links {
                if composing.contains_key(&link.identity)
                    && !identities.contains(&link.identity.as_str())
                {
                    identities.push(&link.identity);
                }
            }
        }
        for identity in identities {
            let users = composing
                .get(identity)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let Some((latest, link)) = latest_feature(sgs, identity, users, diagnostics) else {
                continue;
            };
            let directives: Vec<&(String, String, String)> =
                items.iter().filter(|(id, _, _)| id == identity).collect();
            let imports: Vec<String> = directives
                .iter()
                .map(|(_, orig, name)| {
                    if orig.trim_start_matches('@') == name {
                        string_literal(&format!("@{name}"))
                    } else {
                        format!(
                            "{{name: {}, as: {}}}",
                            string_literal(orig),
                            string_literal(&format!("@{name}"))
                        )
                    }
                })
                .collect();
            self.links.push(
                Applied::new("link")
                    .arg("url", string_literal(&link.url))
                    .arg("import", format!("[{}]", imports.join(", "))),
            );
            let sg = &sgs[latest];
            for (_, orig, name) in directives {
                let local = link.local_directive_name(orig.trim_start_matches('@'));
                let Some(def) = sg.schema.directive_definitions.get(local.as_str()) else {
                    diagnostics.push(
                        Diagnostic::new(Code::DIRECTIVE_COMPOSITION_ERROR, format!("Core feature \"{identity}\" in subgraph \"{}\" does not have a directive definition for \"@{name}\"", sg.name))
                            .subgraph(&sg.name),
                    );
                    continue;
                };
                let mut renamed = (**def).clone();
                if let Ok(n) = apollo_compiler::Name::new(name) {
                    renamed.name = n;
                }
                self.definitions
                    .push((name.clone(), print_directive_definition(&renamed)));
                self.composed.insert(name.clone(), def.repeatable);
            }
        }
    }

    /// The supergraph name of an application of `local` in subgraph `sg`, if carried.
    pub(crate) fn supergraph_name(&self, sg: &Subgraph, local: &str) -> Option<String> {
        if let Some(canonical) = sg.canonical(local) {
            return self.names.get(canonical).cloned();
        }
        if sg.composed.iter().any(|c| c == local) && self.composed.contains_key(local) {
            return Some(local.to_string());
        }
        if BUILT_IN_MERGED.contains(&local) {
            return Some(local.to_string());
        }
        None
    }

    pub(crate) fn is_repeatable(&self, name: &str) -> bool {
        let is = |canonical: &str| Some(name) == self.names.get(canonical).map(String::as_str);
        if is("tag") || is("context") {
            return true;
        }
        self.composed.get(name).copied().unwrap_or(false)
    }

    pub(crate) fn canonical_of(&self, supergraph_name: &str) -> Option<&'static str> {
        self.names
            .iter()
            .find(|(_, n)| *n == supergraph_name)
            .map(|(c, _)| *c)
    }

    pub(crate) fn inaccessible(&self) -> Option<&str> {
        self.names.get("inaccessible").map(String::as_str)
    }
}

/// The subgraph whose link of `identity` is the "latest" (Apollo's
/// `getLatestIfCompatible`): subgraphs composing a directive of the spec win
/// over the others, then the higher minor version, then the later subgraph.
/// `None` (with an error) when two composing subgraphs link different majors.
fn latest_feature<'s>(
    sgs: &'s [Subgraph],
    identity: &str,
    composing: &[usize],
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<(usize, &'s Link)> {
    let mut latest: Option<(usize, &Link)> = None;
    for (i, sg) in sgs.iter().enumerate() {
        let Some(link) = sg.links.links.iter().find(|l| l.identity == identity) else {
            continue;
        };
        let Some((j, acc)) = latest else {
            latest = Some((i, link));
            continue;
        };
        let (acc_composed, composed) = (composing.contains(&j), composing.contains(&i));
        if acc.version.0 != link.version.0 {
            if acc_composed && composed {
                diagnostics.push(
                    Diagnostic::new(Code::DIRECTIVE_COMPOSITION_ERROR, format!("Core feature \"{identity}\" requested to be merged has major version mismatch across subgraphs."))
                        .subgraphs([sgs[j].name.clone(), sg.name.clone()]),
                );
                return None;
            }
            if composed {
                latest = Some((i, link));
            }
            continue;
        }
        if acc_composed != composed {
            if composed {
                latest = Some((i, link));
            }
            continue;
        }
        if link.version.1 >= acc.version.1 {
            latest = Some((i, link));
        }
    }
    latest.filter(|(i, _)| composing.contains(i))
}

/// Every directive name applied anywhere in a subgraph.
fn applied_names(sg: &Subgraph) -> HashSet<String> {
    let mut names = HashSet::new();
    let mut add = |list: Vec<&ast::Directive>| {
        for d in list {
            names.insert(d.name.to_string());
        }
    };
    add(sg.schema.schema_definition.directives.each());
    for (_, ty) in sg.merged_types() {
        add(ty.directives().each());
        match ty {
            ExtendedType::Object(o) => {
                for f in o.fields.values() {
                    add(f.directives.each());
                    for a in &f.arguments {
                        add(a.directives.each());
                    }
                }
            }
            ExtendedType::Interface(o) => {
                for f in o.fields.values() {
                    add(f.directives.each());
                    for a in &f.arguments {
                        add(a.directives.each());
                    }
                }
            }
            ExtendedType::Enum(e) => {
                for v in e.values.values() {
                    add(v.directives.each());
                }
            }
            ExtendedType::InputObject(i) => {
                for f in i.fields.values() {
                    add(f.directives.each());
                }
            }
            _ => {}
        }
    }
    names
}

/// Prints a directive definition from a subgraph in Apollo's form.
pub(crate) fn print_directive_definition(def: &ast::DirectiveDefinition) -> String {
    let args: Vec<(String, String, Option<String>)> = def
        .arguments
        .iter()
        .map(|a| {
            (
                a.name.to_string(),
                a.ty.to_string(),
                a.default_value.as_ref().map(|v| print_value(v)),
            )
        })
        .collect();
    format_directive_definition(&def.name, &args, def.repeatable, &def.locations)
}

/// `directive @name(args) repeatable on LOCATIONS`, as Apollo prints it.
pub(crate) fn format_directive_definition(
    name: &str,
    args: &[(String, String, Option<String>)],
    repeatable: bool,
    locations: &[ast::DirectiveLocation],
) -> String {
    let args = if args.is_empty() {
        String::new()
    } else {
        let items: Vec<String> = args
            .iter()
            .map(|(n, ty, default)| match default {
                Some(d) => format!("{n}: {ty} = {d}"),
                None => format!("{n}: {ty}"),
            })
            .collect();
        format!("({})", items.join(", "))
    };
    let locations: Vec<&str> = locations.iter().map(|l| l.name()).collect();
    format!(
        "directive @{name}{args}{} on {}",
        if repeatable { " repeatable" } else { "" },
        locations.join(" | ")
    )
}

//! Which subgraph directives reach the supergraph (spec directives such as
//! `@tag` and `@inaccessible`, access control, `@composeDirective`d ones and
//! GraphQL built-ins), under which names, and how their applications merge.

use crate::diagnostic::{Code, Diagnostic};
use crate::spec::{self, SupergraphSpec, Version};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, print_value, string_literal};
use apollo_compiler::ast;
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;
use std::collections::HashSet;

const BUILT_IN_MERGED: &[&str] = &["deprecated", "specifiedBy", "oneOf"];
pub(crate) const ACCESS_CONTROL: &[&str] = &["authenticated", "requiresScopes", "policy"];

/// A linked spec of composed directives: latest version, its url, and
/// (name in the spec, name in the supergraph) of each composed directive.
type Feature = (Version, String, Vec<(String, String)>);

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
                if *name != default {
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
                    _ => {}
                }
            }
            let link = Applied::new("link")
                .arg("url", string_literal(spec.url))
                .arg_opt("for", spec.purpose.map(str::to_string))
                .arg_opt(
                    "import",
                    (!imports.is_empty()).then(|| format!("[{}]", imports.join(", "))),
                );
            carried.links.push(link);
        }
        carried.add_composed(sgs, diagnostics);
        carried
    }

    /// `@composeDirective`: link the latest version of each spec, define the directive.
    fn add_composed(&mut self, sgs: &[Subgraph], diagnostics: &mut Vec<Diagnostic>) {
        // identity -> (version, url, [(name in spec, supergraph name)], definition source)
        let mut features: IndexMap<String, Feature> = IndexMap::new();
        let mut definitions: IndexMap<String, (Version, String, bool)> = IndexMap::new();
        for sg in sgs {
            for local in &sg.composed {
                let Some(link) = sg.links.links.iter().find(|l| {
                    l.imports
                        .iter()
                        .any(|(_, a)| a.trim_start_matches('@') == local)
                }) else {
                    continue;
                };
                let Some(def) = sg.schema.directive_definitions.get(local.as_str()) else {
                    continue;
                };
                let orig = link
                    .imports
                    .iter()
                    .find(|(_, a)| a.trim_start_matches('@') == local)
                    .map(|(o, _)| o.trim_start_matches('@').to_string())
                    .unwrap_or_else(|| local.clone());
                let entry = features.entry(link.identity.clone()).or_insert((
                    link.version,
                    link.url.clone(),
                    Vec::new(),
                ));
                if link.version.0 != entry.0.0 {
                    diagnostics.push(
                        Diagnostic::new(Code::DIRECTIVE_COMPOSITION_ERROR, format!("Core feature \"{}\" requested to be merged has major version mismatch across subgraphs.", link.identity))
                            .subgraph(&sg.name),
                    );
                    continue;
                }
                if link.version > entry.0 {
                    entry.0 = link.version;
                    entry.1 = link.url.clone();
                }
                if !entry.2.iter().any(|(_, n)| n == local) {
                    entry.2.push((orig, local.clone()));
                }
                let printed = print_directive_definition(def);
                let newer = definitions
                    .get(local)
                    .is_none_or(|(v, _, _)| link.version > *v);
                if newer {
                    definitions.insert(local.clone(), (link.version, printed, def.repeatable));
                }
            }
        }
        for (_, (_, url, directives)) in features {
            let imports: Vec<String> = directives
                .iter()
                .map(|(orig, name)| {
                    if orig == name {
                        string_literal(&format!("@{name}"))
                    } else {
                        format!(
                            "{{name: {}, as: {}}}",
                            string_literal(&format!("@{orig}")),
                            string_literal(&format!("@{name}"))
                        )
                    }
                })
                .collect();
            self.links.push(
                Applied::new("link")
                    .arg("url", string_literal(&url))
                    .arg("import", format!("[{}]", imports.join(", "))),
            );
        }
        for (name, (_, printed, repeatable)) in definitions {
            self.definitions.push((name.clone(), printed));
            self.composed.insert(name, repeatable);
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
        if Some(name) == self.names.get("tag").map(String::as_str) {
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

/// The merged applications of carried directives on one element.
#[derive(Debug, Default)]
pub(crate) struct MergedDirectives {
    pub inaccessible: Option<Applied>,
    /// Access-control directives, when the caller keeps them apart (fields, interfaces).
    pub access: Vec<Applied>,
    pub others: Vec<Applied>,
}

impl MergedDirectives {
    pub(crate) fn is_inaccessible(&self) -> bool {
        self.inaccessible.is_some()
    }
}

/// Merges the carried directive applications of one element's sources.
pub(crate) fn merge_applications(
    carried: &Carried,
    sources: &[(&Subgraph, Vec<&ast::Directive>)],
    split_access: bool,
) -> MergedDirectives {
    // supergraph name -> applications (printed args), in order of first appearance.
    let mut by_name: IndexMap<String, Vec<Vec<(String, String)>>> = IndexMap::new();
    for (sg, directives) in sources {
        for d in directives {
            let Some(name) = carried.supergraph_name(sg, &d.name) else {
                continue;
            };
            let args: Vec<(String, String)> = d
                .arguments
                .iter()
                .map(|a| (a.name.to_string(), print_value(&a.value)))
                .collect();
            by_name.entry(name).or_default().push(args);
        }
    }
    let mut out = MergedDirectives::default();
    for (name, applications) in by_name {
        let canonical = carried.canonical_of(&name);
        let merged = merge_one(carried, &name, canonical, applications);
        if canonical == Some("inaccessible") {
            out.inaccessible = merged.into_iter().next();
        } else if split_access && canonical.is_some_and(|c| ACCESS_CONTROL.contains(&c)) {
            out.access.extend(merged);
        } else {
            out.others.extend(merged);
        }
    }
    if split_access {
        // Apollo merges access control in spec order, not appearance order.
        out.access.sort_by_key(|a| {
            carried
                .names
                .get_index_of(carried.canonical_of(&a.name).unwrap_or(""))
                .unwrap_or(usize::MAX)
        });
    }
    out
}

fn merge_one(
    carried: &Carried,
    name: &str,
    canonical: Option<&str>,
    applications: Vec<Vec<(String, String)>>,
) -> Vec<Applied> {
    let same = |a: &Vec<(String, String)>, b: &Vec<(String, String)>| {
        let mut a = a.clone();
        let mut b = b.clone();
        a.sort();
        b.sort();
        a == b
    };
    let mut distinct: Vec<(Vec<(String, String)>, usize)> = Vec::new();
    for app in applications {
        match distinct.iter_mut().find(|(d, _)| same(d, &app)) {
            Some((_, count)) => *count += 1,
            None => distinct.push((app, 1)),
        }
    }
    let to_applied = |args: Vec<(String, String)>| Applied {
        name: name.to_string(),
        args,
    };
    if carried.is_repeatable(name) {
        return distinct
            .into_iter()
            .map(|(args, _)| to_applied(args))
            .collect();
    }
    if distinct.len() > 1
        && let Some(arg) = match canonical {
            Some("requiresScopes") => Some("scopes"),
            Some("policy") => Some("policies"),
            _ => None,
        }
    {
        let lists: Vec<Vec<Vec<String>>> = distinct
            .iter()
            .filter_map(|(args, _)| {
                args.iter()
                    .find(|(n, _)| n == arg)
                    .map(|(_, v)| parse_nested_list(v))
            })
            .collect();
        let merged = dnf_conjunction(&lists);
        return vec![to_applied(vec![(
            arg.to_string(),
            print_nested_list(&merged),
        )])];
    }
    // Non-repeatable: the most common application wins (the first on a tie).
    let mut best = 0;
    for (i, (_, count)) in distinct.iter().enumerate() {
        if *count > distinct[best].1 {
            best = i;
        }
    }
    distinct
        .into_iter()
        .nth(best)
        .map(|(args, _)| vec![to_applied(args)])
        .unwrap_or_default()
}

/// `[["a", "b"], ["c"]]` printed form back into lists.
fn parse_nested_list(printed: &str) -> Vec<Vec<String>> {
    let Ok(value) = serde_json::from_str::<Vec<Vec<String>>>(printed) else {
        return Vec::new();
    };
    value
}

fn print_nested_list(lists: &[Vec<String>]) -> String {
    let inner: Vec<String> = lists
        .iter()
        .map(|l| {
            format!(
                "[{}]",
                l.iter()
                    .map(|s| string_literal(s))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    format!("[{}]", inner.join(", "))
}

/// The conjunction of requirements in disjunctive normal form: every clause of
/// the result takes one clause of each input.
pub(crate) fn dnf_conjunction(values: &[Vec<Vec<String>>]) -> Vec<Vec<String>> {
    let mut result: Vec<Vec<String>> = vec![Vec::new()];
    for value in values {
        let mut next = Vec::new();
        for left in &result {
            for right in value {
                let mut clause = left.clone();
                for item in right {
                    if !clause.contains(item) {
                        clause.push(item.clone());
                    }
                }
                clause.sort();
                if !next.contains(&clause) {
                    next.push(clause);
                }
            }
        }
        result = next;
    }
    // A clause that contains another clause adds nothing.
    let snapshot = result.clone();
    result.retain(|c| {
        !snapshot
            .iter()
            .any(|o| o != c && o.iter().all(|x| c.contains(x)))
    });
    result
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
    let args = if def.arguments.is_empty() {
        String::new()
    } else {
        let items: Vec<String> = def
            .arguments
            .iter()
            .map(|a| {
                let default = a
                    .default_value
                    .as_ref()
                    .map(|v| format!(" = {}", print_value(v)))
                    .unwrap_or_default();
                format!("{}: {}{default}", a.name, a.ty)
            })
            .collect();
        format!("({})", items.join(", "))
    };
    let locations: Vec<String> = def.locations.iter().map(|l| l.name().to_string()).collect();
    format!(
        "directive @{}{args}{} on {}",
        def.name,
        if def.repeatable { " repeatable" } else { "" },
        locations.join(" | ")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conjunction_combines_clauses() {
        let a = vec![vec!["read".to_string()], vec!["admin".to_string()]];
        let b = vec![vec!["pii".to_string()]];
        assert_eq!(
            dnf_conjunction(&[a, b]),
            vec![
                vec!["pii".to_string(), "read".to_string()],
                vec!["admin".to_string(), "pii".to_string()]
            ]
        );
    }
}

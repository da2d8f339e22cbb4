//! Merging one type: scalars, unions, enums (union / intersection / equality by
//! usage), input objects (intersection of fields), and the type-level parts of
//! objects and interfaces (their fields are merged in `fields`).

use super::Merger;
use super::applications::{MergedDirectives, merge_applications};
use crate::diagnostic::{Code, Diagnostic};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, Kind, OutType};
use apollo_compiler::ast::{self};
use apollo_compiler::schema::{ComponentOrigin, ExtendedType};

impl<'a> Merger<'a> {
    pub(super) fn merge_type(&mut self, name: &str, kind: Kind) {
        let sources = self.type_sources(name, kind);
        self.check_extension_with_no_base(name, &sources);
        let mut t = OutType::new(kind, name);
        t.description = Merger::merge_descriptions(
            sources
                .iter()
                .map(|s| s.and_then(|t| t.description().map(|d| &**d))),
        );
        let directive_sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| s.map(|t| (&self.sgs[i], t.directives().each())))
            .collect();
        let merged = merge_applications(&self.carried, &directive_sources, kind == Kind::Interface);
        match kind {
            Kind::Object | Kind::Interface => {
                for (i, source) in sources.iter().enumerate() {
                    let interfaces: Vec<String> = match source {
                        Some(ExtendedType::Object(o)) => o
                            .implements_interfaces
                            .iter()
                            .map(|i| i.name.to_string())
                            .collect(),
                        Some(ExtendedType::Interface(o)) => o
                            .implements_interfaces
                            .iter()
                            .map(|i| i.name.to_string())
                            .collect(),
                        _ => Vec::new(),
                    };
                    for itf in interfaces {
                        t.directives.push(
                            Applied::new("join__implements")
                                .arg("graph", self.graphs[i].clone())
                                .arg("interface", crate::supergraph::model::string_literal(&itf)),
                        );
                    }
                }
                t.implements = self
                    .implements
                    .get(name)
                    .map(|s| s.iter().cloned().collect())
                    .unwrap_or_default();
                t.directives.extend(self.join_types(name, &sources));
                push_merged(&mut t.directives, merged);
                if kind == Kind::Interface {
                    self.validate_interface_keys(name, &sources);
                }
                t.fields = self.merge_fields(name, kind, &sources);
                if t.fields.is_empty() {
                    return;
                }
            }
            Kind::Union => {
                t.directives.extend(self.join_types(name, &sources));
                if let Some(i) = &merged.inaccessible {
                    t.directives.push(i.clone());
                }
                for (i, source) in sources.iter().enumerate() {
                    if let Some(ExtendedType::Union(u)) = source {
                        for m in &u.members {
                            if !t.members.iter().any(|x| *x == m.name.as_str()) {
                                t.members.push(m.name.to_string());
                            }
                            let _ = i;
                        }
                    }
                }
                for member in t.members.clone() {
                    for (i, source) in sources.iter().enumerate() {
                        if let Some(ExtendedType::Union(u)) = source
                            && u.members.iter().any(|m| m.name == member.as_str())
                        {
                            t.directives.push(
                                Applied::new("join__unionMember")
                                    .arg("graph", self.graphs[i].clone())
                                    .arg(
                                        "member",
                                        crate::supergraph::model::string_literal(&member),
                                    ),
                            );
                        }
                    }
                }
                t.directives.extend(merged.others);
            }
            Kind::Enum => {
                t.directives.extend(self.join_types(name, &sources));
                push_merged(&mut t.directives, merged);
                t.values = self.merge_enum_values(name, &sources);
            }
            Kind::Input => {
                t.directives.extend(self.join_types(name, &sources));
                push_merged(&mut t.directives, merged);
                t.fields = self.merge_input_fields(name, &sources);
            }
            Kind::Scalar => {
                t.directives.extend(self.join_types(name, &sources));
                push_merged(&mut t.directives, merged);
            }
        }
        self.out.types.insert(name.to_string(), t);
    }

    fn check_extension_with_no_base(&mut self, name: &str, sources: &[Option<&ExtendedType>]) {
        if matches!(name, "Query" | "Mutation" | "Subscription") {
            return;
        }
        let mut extension_subgraphs = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            let Some(ty) = source else { continue };
            let mut origins = ty.iter_origins().peekable();
            if origins.peek().is_none() {
                return;
            }
            if origins.all(|o| matches!(o, ComponentOrigin::Extension(_))) {
                extension_subgraphs.push(self.sgs[i].name.clone());
            } else {
                return;
            }
        }
        for sg in extension_subgraphs {
            self.diagnostics.push(
                Diagnostic::new(Code::EXTENSION_WITH_NO_BASE, format!("[{sg}] Type \"{name}\" is an extension type, but there is no type definition for \"{name}\" in any subgraph."))
                    .subgraph(sg)
                    .coordinate(name),
            );
        }
    }

    fn validate_interface_keys(&mut self, name: &str, sources: &[Option<&ExtendedType>]) {
        let implementations: Vec<String> = self
            .implements
            .iter()
            .filter(|(t, itfs)| itfs.contains(name) && self.kinds.get(*t) == Some(&Kind::Object))
            .map(|(t, _)| t.clone())
            .collect();
        for (i, source) in sources.iter().enumerate() {
            let sg = &self.sgs[i];
            match source {
                Some(ExtendedType::Interface(_)) => {
                    let Some(key) = sg.keys(name).into_iter().find(|k| k.resolvable()) else {
                        continue;
                    };
                    let mut missing: Vec<&String> = implementations
                        .iter()
                        .filter(|t| !sg.schema.types.contains_key(t.as_str()))
                        .collect();
                    missing.sort();
                    if !missing.is_empty() {
                        let list: Vec<String> =
                            missing.iter().map(|m| format!("\"{m}\"")).collect();
                        self.diagnostics.push(
                            Diagnostic::new(Code::INTERFACE_KEY_MISSING_IMPLEMENTATION_TYPE, format!("[{}] Interface type \"{name}\" has a resolvable key (@key(fields: \"{}\")) in subgraph \"{}\" but that subgraph is missing some of the supergraph implementation types of \"{name}\". Subgraph \"{}\" should define type{} {} (and have {} implement \"{name}\").", sg.name, key.fields, sg.name, sg.name, if list.len() > 1 { "s" } else { "" }, list.join(", "), if list.len() > 1 { "them" } else { "it" }))
                                .subgraph(&sg.name)
                                .coordinate(name),
                        );
                    }
                }
                Some(ExtendedType::Object(_)) => {
                    let defined: Vec<&String> = implementations
                        .iter()
                        .filter(|t| sg.schema.types.contains_key(t.as_str()))
                        .collect();
                    if !defined.is_empty() {
                        let list: Vec<String> =
                            defined.iter().map(|m| format!("\"{m}\"")).collect();
                        self.diagnostics.push(
                            Diagnostic::new(Code::INTERFACE_OBJECT_USAGE_ERROR, format!("[{}] Interface type \"{name}\" is defined as an @interfaceObject in subgraph \"{}\" so that subgraph should not define any of the implementation types of \"{name}\", but it defines type{} {}", sg.name, sg.name, if list.len() > 1 { "s" } else { "" }, list.join(", ")))
                                .subgraph(&sg.name)
                                .coordinate(name),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

/// `A but B`, `A but B and C`: how the mismatch reports group subgraphs.
pub(super) fn join_mismatch(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [first, rest @ ..] => format!("{first} but {}", rest.join(" and ")),
    }
}

/// Appends merged directives: @inaccessible, access control, then the others.
pub(super) fn push_merged(out: &mut Vec<Applied>, merged: MergedDirectives) {
    out.extend(merged.inaccessible);
    out.extend(merged.access);
    out.extend(merged.others);
}

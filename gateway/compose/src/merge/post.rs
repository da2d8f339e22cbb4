//! Steps after every type is merged: fields that implementations inherit from
//! `@interfaceObject`s, access control propagated to interfaces, executable
//! directive definitions, and checks that need the whole supergraph.

use super::Merger;
use super::applications::merge_applications;
use super::directives::format_directive_definition;
use crate::diagnostic::{Code, Diagnostic};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, Kind, OutField};
use apollo_compiler::ast;
use apollo_compiler::schema::ExtendedType;

impl<'a> Merger<'a> {
    /// An object whose interface is an `@interfaceObject` somewhere gets that
    /// interface's fields even where no subgraph defines them on the object.
    pub(super) fn add_interface_object_fields(&mut self) {
        let objects: Vec<String> = self
            .out
            .types
            .values()
            .filter(|t| t.kind == Kind::Object)
            .map(|t| t.name.clone())
            .collect();
        for object in objects {
            let interfaces = self
                .out
                .types
                .get(&object)
                .map(|t| t.implements.clone())
                .unwrap_or_default();
            for itf in interfaces {
                let Some(itf_type) = self.out.types.get(&itf) else {
                    continue;
                };
                let itf_fields: Vec<(String, OutField)> = itf_type
                    .fields
                    .iter()
                    .map(|(n, f)| (n.clone(), f.clone()))
                    .collect();
                for (name, field) in itf_fields {
                    if self
                        .out
                        .types
                        .get(&object)
                        .is_some_and(|t| t.fields.contains_key(&name))
                    {
                        continue;
                    }
                    let provided = self.sgs.iter().any(|sg| {
                        sg.is_interface_object(&itf)
                            && sg.field(&itf, &name).is_some()
                            && !sg.is_external(&itf, &name)
                    });
                    if !provided {
                        continue;
                    }
                    let mut copy = field.clone();
                    copy.directives.retain(|d| !d.name.starts_with("join__"));
                    let split = copy
                        .directives
                        .iter()
                        .position(|d| Some(d.name.as_str()) != self.carried.inaccessible())
                        .unwrap_or(copy.directives.len());
                    copy.directives.insert(split, Applied::new("join__field"));
                    if let Some(t) = self.out.types.get_mut(&object) {
                        t.fields.insert(name, copy);
                    }
                }
            }
        }
    }

    /// `@authenticated`, `@requiresScopes` and `@policy` on implementations are
    /// carried up to their interfaces (types and fields).
    pub(super) fn propagate_access_control(&mut self) {
        if !super::ACCESS_CONTROL
            .iter()
            .any(|c| self.carried.names.contains_key(c))
        {
            return;
        }
        let interfaces: Vec<String> = self
            .out
            .types
            .values()
            .filter(|t| t.kind == Kind::Interface)
            .map(|t| t.name.clone())
            .collect();
        for itf in interfaces {
            let implementations: Vec<String> = self
                .implements
                .iter()
                .filter(|(t, i)| i.contains(&itf) && self.kinds.get(*t) == Some(&Kind::Object))
                .map(|(t, _)| t.clone())
                .collect();
            let mut type_sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = Vec::new();
            for sg in self.sgs {
                if let Some(t) = sg.schema.types.get(itf.as_str()) {
                    type_sources.push((sg, t.directives().each()));
                }
                for imp in &implementations {
                    if let Some(ExtendedType::Object(o)) = sg.schema.types.get(imp.as_str()) {
                        type_sources.push((sg, o.directives.each()));
                    }
                }
            }
            let access = merge_applications(&self.carried, &type_sources, true).access;
            let field_names: Vec<String> = self
                .out
                .types
                .get(&itf)
                .map(|t| t.fields.keys().cloned().collect())
                .unwrap_or_default();
            let mut field_access = Vec::new();
            for field in &field_names {
                let mut sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = Vec::new();
                for sg in self.sgs {
                    if let Some(f) = sg.field(&itf, field) {
                        sources.push((sg, f.directives.each()));
                    }
                    for imp in &implementations {
                        if let Some(f) =
                            sg.field(imp, field).filter(|_| !sg.is_external(imp, field))
                        {
                            sources.push((sg, f.directives.each()));
                        }
                    }
                }
                field_access.push((
                    field.clone(),
                    merge_applications(&self.carried, &sources, true).access,
                ));
            }
            let access_names: Vec<String> = super::ACCESS_CONTROL
                .iter()
                .filter_map(|c| self.carried.names.get(c).cloned())
                .collect();
            let inaccessible = self.carried.inaccessible().map(str::to_string);
            let place = |directives: &mut Vec<Applied>, access: Vec<Applied>| {
                directives.retain(|d| !access_names.contains(&d.name));
                let at = directives
                    .iter()
                    .rposition(|d| {
                        d.name.starts_with("join__") || Some(&d.name) == inaccessible.as_ref()
                    })
                    .map(|p| p + 1)
                    .unwrap_or(0);
                for (k, a) in access.into_iter().enumerate() {
                    directives.insert(at + k, a);
                }
            };
            if let Some(t) = self.out.types.get_mut(&itf) {
                place(&mut t.directives, access);
                for (field, access) in field_access {
                    if let Some(f) = t.fields.get_mut(&field) {
                        place(&mut f.directives, access);
                    }
                }
            }
        }
    }

    /// Executable directives are kept only when every subgraph defines them,
    /// with the locations all of them share, repeatable only if repeatable
    /// everywhere, and their arguments merged as field arguments are (an
    /// argument missing somewhere is left out, or an error if required; the
    /// most restrictive type; a default value only when every subgraph has the
    /// same one), as Apollo's `mergeExecutableDirectiveDefinition` does. Runs
    /// before enums are merged: argument types count as input usages.
    pub(super) fn merge_executable_directive_definitions(&mut self) {
        let Some(first) = self.sgs.first() else {
            return;
        };
        for (name, def) in &first.schema.directive_definitions {
            // Redefinitions of GraphQL's own directives (some servers print them) are never merged.
            let graphql_built_in =
                ["include", "skip", "deprecated", "specifiedBy", "oneOf"].contains(&name.as_str());
            if def.is_built_in()
                || graphql_built_in
                || first.is_spec_directive(name)
                || self.carried.composed.contains_key(name.as_str())
            {
                continue;
            }
            let mut locations: Vec<ast::DirectiveLocation> = def
                .locations
                .iter()
                .copied()
                .filter(|l| is_executable(*l))
                .collect();
            if locations.is_empty() {
                continue;
            }
            let mut repeatable = def.repeatable;
            let mut definitions = vec![(0, def)];
            for (i, sg) in self.sgs.iter().enumerate().skip(1) {
                if let Some(other) = sg.schema.directive_definitions.get(name) {
                    locations.retain(|l| other.locations.contains(l));
                    repeatable &= other.repeatable;
                    definitions.push((i, other));
                }
            }
            if definitions.len() < self.sgs.len() || locations.is_empty() {
                continue;
            }
            let args = self.merge_directive_arguments(name, &definitions);
            self.out.directive_definitions.insert(
                name.to_string(),
                format_directive_definition(name, &args, repeatable, &locations),
            );
        }
    }

    /// (name, type, default) of each argument kept for a directive defined by
    /// every subgraph in `definitions`.
    fn merge_directive_arguments(
        &mut self,
        directive: &str,
        definitions: &[(usize, &apollo_compiler::Node<ast::DirectiveDefinition>)],
    ) -> Vec<(String, String, Option<String>)> {
        let mut names: Vec<&str> = Vec::new();
        for (_, def) in definitions {
            for a in &def.arguments {
                if !names.contains(&a.name.as_str()) {
                    names.push(a.name.as_str());
                }
            }
        }
        let mut out = Vec::new();
        for arg in names {
            let coordinate = format!("@{directive}({arg}:)");
            let present: Vec<(usize, &ast::InputValueDefinition)> = definitions
                .iter()
                .filter_map(|(i, d)| {
                    d.arguments
                        .iter()
                        .find(|a| a.name == arg)
                        .map(|a| (*i, &**a))
                })
                .collect();
            if present.len() < definitions.len() {
                let required: Vec<String> = present
                    .iter()
                    .filter(|(_, a)| a.ty.is_non_null() && a.default_value.is_none())
                    .map(|(i, _)| self.sgs[*i].name.clone())
                    .collect();
                if !required.is_empty() {
                    let missing: Vec<String> = definitions
                        .iter()
                        .filter(|(i, _)| !present.iter().any(|(j, _)| j == i))
                        .map(|(i, _)| self.sgs[*i].name.clone())
                        .collect();
                    self.diagnostics.push(
                        Diagnostic::new(Code::REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH, format!("Argument \"{coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {} but does not appear in {}", crate::diagnostic::subgraphs_phrase(&required), crate::diagnostic::subgraphs_phrase(&missing)))
                            .subgraphs(required.iter().chain(missing.iter()).cloned())
                            .coordinate(coordinate),
                    );
                }
                continue;
            }
            if let Some((merged, _, _)) = self.merge_input_value(&coordinate, &present, true) {
                out.push((arg.to_string(), merged.ty, merged.default));
            }
        }
        out
    }

    pub(super) fn post_merge_validations(&mut self) {
        let types: Vec<String> = self.out.types.keys().cloned().collect();
        for name in types {
            let Some(t) = self.out.types.get(&name) else {
                continue;
            };
            if !matches!(t.kind, Kind::Object | Kind::Interface) {
                continue;
            }
            for itf in t.implements.clone() {
                let Some(itf_type) = self.out.types.get(&itf) else {
                    continue;
                };
                for field in itf_type.fields.keys() {
                    if t.fields.contains_key(field) {
                        continue;
                    }
                    let declaring: Vec<String> = self
                        .sgs
                        .iter()
                        .filter(|s| s.field(&itf, field).is_some())
                        .map(|s| s.name.clone())
                        .collect();
                    let implementing: Vec<String> = self
                        .sgs
                        .iter()
                        .filter(|s| match s.schema.types.get(name.as_str()) {
                            Some(ExtendedType::Object(o)) => o
                                .implements_interfaces
                                .iter()
                                .any(|i| i.name == itf.as_str()),
                            Some(ExtendedType::Interface(o)) => o
                                .implements_interfaces
                                .iter()
                                .any(|i| i.name == itf.as_str()),
                            _ => false,
                        })
                        .map(|s| s.name.clone())
                        .collect();
                    self.diagnostics.push(
                        Diagnostic::new(Code::INTERFACE_FIELD_NO_IMPLEM, format!("Interface field \"{itf}.{field}\" is declared in {} but type \"{name}\", which implements \"{itf}\" only in {} does not have field \"{field}\".", crate::diagnostic::subgraphs_phrase(&declaring), crate::diagnostic::subgraphs_phrase(&implementing)))
                            .subgraphs(declaring.iter().chain(implementing.iter()).cloned())
                            .coordinate(format!("{itf}.{field}"))
                            .coordinate(name.clone()),
                    );
                }
            }
        }
    }
}

fn is_executable(location: ast::DirectiveLocation) -> bool {
    use ast::DirectiveLocation as L;
    matches!(
        location,
        L::Query
            | L::Mutation
            | L::Subscription
            | L::Field
            | L::FragmentDefinition
            | L::FragmentSpread
            | L::InlineFragment
            | L::VariableDefinition
    )
}

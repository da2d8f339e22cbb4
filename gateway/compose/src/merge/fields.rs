//! Merging the fields of object and interface types: sources, type, arguments,
//! `@join__field` (the @override, @external and @shareable rules live beside).

use super::Merger;
use super::applications::merge_applications;
use super::overrides::OverrideState;
use super::types::push_merged;
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, Kind, OutField, string_literal};
use apollo_compiler::ast::{self, FieldDefinition};
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;

impl<'a> Merger<'a> {
    pub(super) fn merge_fields(
        &mut self,
        type_name: &str,
        kind: Kind,
        sources: &[Option<&'a ExtendedType>],
    ) -> IndexMap<String, OutField> {
        let mut names: Vec<String> = Vec::new();
        for (i, source) in sources.iter().enumerate() {
            let fields: Vec<&apollo_compiler::Name> = match source {
                Some(ExtendedType::Object(o)) => o.fields.keys().collect(),
                Some(ExtendedType::Interface(o)) => o.fields.keys().collect(),
                _ => continue,
            };
            for f in fields {
                if self.sgs[i].is_merged_field(type_name, f)
                    && !names.iter().any(|n| n == f.as_str())
                {
                    names.push(f.to_string());
                }
            }
        }
        let mut out = IndexMap::new();
        for name in names {
            let fields: Vec<Option<&'a FieldDefinition>> = sources
                .iter()
                .enumerate()
                .map(|(i, s)| s.and_then(|_| self.sgs[i].field(type_name, &name)))
                .collect();
            if let Some(field) = self.merge_field(type_name, kind, &name, sources, &fields) {
                out.insert(name, field);
            }
        }
        out
    }

    fn merge_field(
        &mut self,
        type_name: &str,
        kind: Kind,
        name: &str,
        type_sources: &[Option<&ExtendedType>],
        fields: &[Option<&'a FieldDefinition>],
    ) -> Option<OutField> {
        let coordinate = format!("{type_name}.{name}");
        let states = self.validate_override(type_name, kind, name, fields);
        let external: Vec<bool> = fields
            .iter()
            .enumerate()
            .map(|(i, f)| f.is_some() && self.sgs[i].is_external(type_name, name))
            .collect();
        let from_interface_object = self.interface_object_providers(type_name, name);
        let present: Vec<usize> = (0..fields.len()).filter(|i| fields[*i].is_some()).collect();
        if present.iter().all(|i| external[*i]) && from_interface_object.is_empty() {
            let names: Vec<String> = present.iter().map(|i| self.sgs[*i].name.clone()).collect();
            self.diagnostics.push(
                Diagnostic::new(Code::EXTERNAL_MISSING_ON_BASE, format!("Field \"{coordinate}\" is marked @external on all the subgraphs in which it is listed ({}).", subgraphs_phrase(&names)))
                    .subgraphs(names)
                    .coordinate(coordinate),
            );
            return None;
        }
        let resolving: Vec<usize> = present.iter().copied().filter(|i| !external[*i]).collect();
        for i in present.iter().filter(|i| external[**i]) {
            let sg = &self.sgs[*i];
            let Some(def) = fields[*i] else { continue };
            for d in def.directives.iter() {
                if self.carried.supergraph_name(sg, &d.name).is_some() {
                    self.diagnostics.push(
                        Diagnostic::new(Code::MERGED_DIRECTIVE_APPLICATION_ON_EXTERNAL, format!("[{}] Cannot apply merged directive @{} to external field \"{coordinate}\"", sg.name, d.name))
                            .subgraph(&sg.name)
                            .coordinate(coordinate.clone()),
                    );
                }
            }
        }
        let merge_from: Vec<usize> = if resolving.is_empty() {
            present.clone()
        } else {
            resolving.clone()
        };

        let mut directive_sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = Vec::new();
        for i in &resolving {
            if let Some(f) = fields[*i] {
                directive_sources.push((&self.sgs[*i], f.directives.each()));
            }
        }
        let merged = merge_applications(&self.carried, &directive_sources, true);
        let contextual: Vec<(usize, String)> = resolving
            .iter()
            .flat_map(|i| {
                self.sgs[*i]
                    .context_arguments(type_name, name)
                    .into_iter()
                    .map(|a| (*i, a.argument))
            })
            .collect();
        let args = self.merge_arguments(&coordinate, &resolving, fields, &contextual);
        let types: Vec<(usize, &ast::Type)> = merge_from
            .iter()
            .filter_map(|i| fields[*i].map(|f| (*i, &f.ty)))
            .collect();
        let (ty, all_equal) = self.merge_type_reference(&coordinate, &types, false, false);
        if external.iter().any(|e| *e) {
            self.validate_external_fields(&coordinate, fields, &external, &ty, all_equal);
        }

        let mut directives = Vec::new();
        directives.extend(merged.inaccessible.clone());
        if !contextual.is_empty()
            || self.needs_join_field(type_name, fields, &external, &states, all_equal)
        {
            for (i, f) in fields.iter().enumerate() {
                let Some(f) = f else { continue };
                let state = &states[i];
                if state.unused_overridden && state.label.is_none() {
                    continue;
                }
                let sg = &self.sgs[i];
                directives.push(
                    Applied::new("join__field")
                        .arg("graph", self.graphs[i].clone())
                        .arg_opt(
                            "requires",
                            sg.requires(type_name, name).map(|s| string_literal(&s)),
                        )
                        .arg_opt(
                            "provides",
                            sg.provides(type_name, name).map(|s| string_literal(&s)),
                        )
                        .arg_opt(
                            "override",
                            sg.override_of(type_name, name)
                                .map(|(from, _)| string_literal(&from)),
                        )
                        .arg_opt(
                            "type",
                            (!all_equal).then(|| string_literal(&f.ty.to_string())),
                        )
                        .arg_opt("external", external[i].then(|| "true".to_string()))
                        .arg_opt(
                            "usedOverridden",
                            state.used_overridden.then(|| "true".to_string()),
                        )
                        .arg_opt(
                            "overrideLabel",
                            state.label.as_ref().map(|l| string_literal(l)),
                        )
                        .arg_opt("contextArguments", context_arguments(sg, type_name, name)),
                );
            }
        }
        let mut rest = super::applications::MergedDirectives {
            inaccessible: None,
            ..merged
        };
        if kind == Kind::Object {
            rest.access = self.with_interface_object_access(type_name, name, &directive_sources);
            self.validate_field_sharing(
                type_name,
                name,
                fields,
                &external,
                &states,
                &from_interface_object,
            );
        }
        push_merged(&mut directives, rest);
        let _ = type_sources;
        Some(OutField {
            description: Merger::merge_descriptions(
                resolving
                    .iter()
                    .filter_map(|i| fields[*i])
                    .map(|f| f.description.as_deref()),
            ),
            args,
            ty,
            default: None,
            directives,
        })
    }

    /// Access control on an object field, including what `@interfaceObject`s
    /// declare for the same field (propagated downwards).
    fn with_interface_object_access(
        &self,
        type_name: &str,
        field: &str,
        own: &[(&Subgraph, Vec<&ast::Directive>)],
    ) -> Vec<Applied> {
        let mut sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = own.to_vec();
        let interfaces = self.implements.get(type_name).cloned().unwrap_or_default();
        for sg in self.sgs {
            for itf in &interfaces {
                if sg.is_interface_object(itf)
                    && !sg.is_external(itf, field)
                    && let Some(f) = sg.field(itf, field)
                {
                    sources.push((sg, f.directives.each()));
                }
            }
        }
        merge_applications(&self.carried, &sources, true).access
    }

    fn needs_join_field(
        &self,
        type_name: &str,
        fields: &[Option<&FieldDefinition>],
        external: &[bool],
        states: &[OverrideState],
        all_equal: bool,
    ) -> bool {
        if !all_equal
            || states
                .iter()
                .any(|s| s.used_overridden || s.label.is_some())
        {
            return true;
        }
        for (i, f) in fields.iter().enumerate() {
            let sg = &self.sgs[i];
            match f {
                Some(_) if !states[i].unused_overridden => {
                    let name = f.map(|f| f.name.as_str()).unwrap_or_default();
                    if external[i]
                        || sg.requires(type_name, name).is_some()
                        || sg.provides(type_name, name).is_some()
                    {
                        return true;
                    }
                }
                _ => {
                    if sg.schema.types.contains_key(type_name) && sg.is_merged_type(type_name) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Subgraphs that provide `type.field` through an `@interfaceObject` of one of
    /// the type's interfaces, without defining the type.
    pub(super) fn interface_object_providers(
        &self,
        type_name: &str,
        field: &str,
    ) -> Vec<(usize, String)> {
        let interfaces = self.implements.get(type_name).cloned().unwrap_or_default();
        let mut out = Vec::new();
        for (i, sg) in self.sgs.iter().enumerate() {
            if sg.schema.types.contains_key(type_name) {
                continue;
            }
            for itf in &interfaces {
                if sg.is_interface_object(itf)
                    && sg.field(itf, field).is_some()
                    && !sg.is_external(itf, field)
                {
                    out.push((i, itf.clone()));
                }
            }
        }
        out
    }
}

/// `contextArguments: [{context: "sub__ctx", name: "arg", type: "T", selection: " { f }"}]`
/// for a field's `@fromContext` arguments in one subgraph (context names
/// prefixed with the subgraph's name, as `@context` is in the supergraph).
fn context_arguments(sg: &Subgraph, type_name: &str, field: &str) -> Option<String> {
    let items: Vec<String> = sg
        .context_arguments(type_name, field)
        .iter()
        .map(|a| {
            format!(
                "{{context: {}, name: {}, type: {}, selection: {}}}",
                string_literal(&format!("{}__{}", sg.name, a.context)),
                string_literal(&a.argument),
                string_literal(&a.ty),
                string_literal(&a.selection)
            )
        })
        .collect();
    (!items.is_empty()).then(|| format!("[{}]", items.join(", ")))
}

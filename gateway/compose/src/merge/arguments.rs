//! Field arguments (merged by intersection, a required argument must be
//! everywhere) and the checks on @external copies of a field.

use super::Merger;
use super::types::join_mismatch;
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::supergraph::model::OutArg;
use apollo_compiler::ast::{self, FieldDefinition};
use indexmap::IndexMap;

impl<'a> Merger<'a> {
    fn check_contextual_elsewhere(
        &mut self,
        arg_coordinate: &str,
        arg: &str,
        resolving: &[usize],
        fields: &[Option<&FieldDefinition>],
        contextual: &[(usize, String)],
    ) {
        for i in resolving {
            if contextual.iter().any(|(j, a)| j == i && a == arg) {
                continue;
            }
            let Some(def) = fields[*i].and_then(|f| f.arguments.iter().find(|a| a.name == arg))
            else {
                continue;
            };
            if def.ty.is_non_null() && def.default_value.is_none() {
                self.diagnostics.push(
                    Diagnostic::new(Code::CONTEXTUAL_ARGUMENT_NOT_CONTEXTUAL_IN_ALL_SUBGRAPHS, format!("Argument \"{arg_coordinate}\" is contextual in at least one subgraph but in \"{arg_coordinate}\" it does not have @fromContext, is not nullable and has no default value."))
                        .subgraph(&self.sgs[*i].name)
                        .coordinate(arg_coordinate),
                );
            }
        }
    }

    pub(super) fn merge_arguments(
        &mut self,
        coordinate: &str,
        resolving: &[usize],
        fields: &[Option<&FieldDefinition>],
        contextual: &[(usize, String)],
    ) -> IndexMap<String, OutArg> {
        let mut names: Vec<String> = Vec::new();
        for i in resolving {
            if let Some(f) = fields[*i] {
                for a in &f.arguments {
                    if !names.iter().any(|n| n == a.name.as_str()) {
                        names.push(a.name.to_string());
                    }
                }
            }
        }
        let mut out = IndexMap::new();
        for arg in names {
            let arg_coordinate = format!("{coordinate}({arg}:)");
            if contextual.iter().any(|(_, a)| *a == arg) {
                // Filled from a context: never a supergraph argument, so the
                // subgraphs that take it from the client must not require it.
                self.check_contextual_elsewhere(
                    &arg_coordinate,
                    &arg,
                    resolving,
                    fields,
                    contextual,
                );
                continue;
            }
            let present: Vec<(usize, &ast::InputValueDefinition)> = resolving
                .iter()
                .filter_map(|i| {
                    fields[*i]
                        .and_then(|f| f.arguments.iter().find(|a| a.name == arg.as_str()))
                        .map(|a| (*i, &**a))
                })
                .collect();
            let missing: Vec<String> = resolving
                .iter()
                .filter(|i| {
                    fields[**i].is_some_and(|f| !f.arguments.iter().any(|a| a.name == arg.as_str()))
                })
                .map(|i| self.sgs[*i].name.clone())
                .collect();
            if !missing.is_empty() {
                let required: Vec<String> = present
                    .iter()
                    .filter(|(_, a)| a.ty.is_non_null() && a.default_value.is_none())
                    .map(|(i, _)| self.sgs[*i].name.clone())
                    .collect();
                if !required.is_empty() {
                    self.diagnostics.push(
                        Diagnostic::new(Code::REQUIRED_ARGUMENT_MISSING_IN_SOME_SUBGRAPH, format!("Argument \"{arg_coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {} but does not appear in {}", subgraphs_phrase(&required), subgraphs_phrase(&missing)))
                            .subgraphs(required.iter().chain(missing.iter()).cloned())
                            .coordinate(arg_coordinate),
                    );
                }
                continue;
            }
            if let Some((f, _, _)) = self.merge_input_value(&arg_coordinate, &present, true) {
                out.insert(
                    arg,
                    OutArg {
                        description: f.description,
                        ty: f.ty,
                        default: f.default,
                        directives: f.directives,
                    },
                );
            }
        }
        out
    }

    pub(super) fn validate_external_fields(
        &mut self,
        coordinate: &str,
        fields: &[Option<&FieldDefinition>],
        external: &[bool],
        merged_ty: &str,
        all_equal: bool,
    ) {
        let mut bad_type = false;
        let mut missing_args: Vec<String> = Vec::new();
        let resolving_args: Vec<String> = fields
            .iter()
            .enumerate()
            .filter(|(i, f)| f.is_some() && !external[*i])
            .flat_map(|(_, f)| {
                f.map(|f| {
                    f.arguments
                        .iter()
                        .map(|a| a.name.to_string())
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
            })
            .collect();
        for (i, f) in fields.iter().enumerate() {
            let Some(f) = f else { continue };
            if !external[i] {
                continue;
            }
            let same = f.ty.to_string() == merged_ty;
            if !same && all_equal {
                bad_type = true;
            }
            if !same && !all_equal {
                // With subtyping among resolvers, the external copy may be a subtype.
                let merged = ast::Type::parse(merged_ty, "type.graphql").ok();
                if !merged.is_some_and(|m| self.is_strict_subtype(&m, &f.ty)) {
                    bad_type = true;
                }
            }
            for a in &resolving_args {
                if !f.arguments.iter().any(|x| x.name == a.as_str()) && !missing_args.contains(a) {
                    missing_args.push(a.clone());
                }
            }
        }
        if bad_type {
            let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
            for (i, f) in fields.iter().enumerate() {
                if let Some(f) = f {
                    groups
                        .entry(format!("type \"{}\"", f.ty))
                        .or_default()
                        .push(self.sgs[i].name.clone());
                }
            }
            let parts: Vec<String> = groups
                .iter()
                .map(|(l, s)| format!("{l} in {}", subgraphs_phrase(s)))
                .collect();
            self.diagnostics.push(
                Diagnostic::new(Code::EXTERNAL_TYPE_MISMATCH, format!("Type of field \"{coordinate}\" is incompatible across subgraphs (where marked @external): it has {}", join_mismatch(&parts)))
                    .subgraphs(groups.values().flatten().cloned())
                    .coordinate(coordinate),
            );
        }
        for arg in missing_args {
            let names: Vec<String> = (0..fields.len())
                .filter(|i| external[*i])
                .map(|i| self.sgs[i].name.clone())
                .collect();
            self.diagnostics.push(
                Diagnostic::new(Code::EXTERNAL_ARGUMENT_MISSING, format!("Field \"{coordinate}\" is missing argument \"{coordinate}({arg}:)\" in some subgraphs where it is marked @external: {}", subgraphs_phrase(&names)))
                    .subgraphs(names)
                    .coordinate(format!("{coordinate}({arg}:)")),
            );
        }
    }
}

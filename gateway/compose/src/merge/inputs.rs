//! Input objects (intersection of fields) and input values in general:
//! arguments and input fields, with their types and default values.

use super::Merger;
use super::applications::merge_applications;
use super::types::{join_mismatch, push_merged};
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, OutField, print_value};
use apollo_compiler::ast::{self, Type};
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;

impl<'a> Merger<'a> {
    pub(super) fn merge_input_fields(
        &mut self,
        name: &str,
        sources: &[Option<&ExtendedType>],
    ) -> IndexMap<String, OutField> {
        let inputs: Vec<(usize, &apollo_compiler::schema::InputObjectType)> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Some(ExtendedType::InputObject(o)) => Some((i, &**o)),
                _ => None,
            })
            .collect();
        let mut names: Vec<String> = Vec::new();
        for (_, o) in &inputs {
            for f in o.fields.keys() {
                if !names.iter().any(|n| n == f.as_str()) {
                    names.push(f.to_string());
                }
            }
        }
        let mut fields = IndexMap::new();
        for field in names {
            let coordinate = format!("{name}.{field}");
            let present: Vec<(usize, &ast::InputValueDefinition)> = inputs
                .iter()
                .filter_map(|(i, o)| o.fields.get(field.as_str()).map(|f| (*i, &***f)))
                .collect();
            let missing_in: Vec<String> = inputs
                .iter()
                .filter(|(_, o)| !o.fields.contains_key(field.as_str()))
                .map(|(i, _)| self.sgs[*i].name.clone())
                .collect();
            let merged = self.merge_input_value(&coordinate, &present, false);
            let Some((mut out, all_equal, inaccessible)) = merged else {
                continue;
            };
            if !inaccessible && !missing_in.is_empty() {
                let required: Vec<String> = present
                    .iter()
                    .filter(|(_, f)| f.ty.is_non_null() && f.default_value.is_none())
                    .map(|(i, _)| self.sgs[*i].name.clone())
                    .collect();
                if !required.is_empty() {
                    self.diagnostics.push(
                        Diagnostic::new(Code::REQUIRED_INPUT_FIELD_MISSING_IN_SOME_SUBGRAPH, format!("Input object field \"{coordinate}\" is required in some subgraphs but does not appear in all subgraphs: it is required in {} but does not appear in {}", subgraphs_phrase(&required), subgraphs_phrase(&missing_in)))
                            .subgraphs(required.iter().chain(missing_in.iter()).cloned())
                            .coordinate(coordinate.clone()),
                    );
                }
                continue;
            }
            if !all_equal || !missing_in.is_empty() {
                let mut join = Vec::new();
                for (i, f) in &present {
                    join.push(
                        Applied::new("join__field")
                            .arg("graph", self.graphs[*i].clone())
                            .arg_opt(
                                "type",
                                (!all_equal).then(|| {
                                    crate::supergraph::model::string_literal(&f.ty.to_string())
                                }),
                            ),
                    );
                }
                let split = out
                    .directives
                    .iter()
                    .position(|d| d.name != self.carried.inaccessible().unwrap_or(""))
                    .unwrap_or(out.directives.len());
                let tail = out.directives.split_off(split);
                out.directives.extend(join);
                out.directives.extend(tail);
            }
            fields.insert(field, out);
        }
        if fields.is_empty() {
            let all: Vec<String> = inputs
                .iter()
                .map(|(i, _)| self.sgs[*i].name.clone())
                .collect();
            self.diagnostics.push(
                Diagnostic::new(Code::EMPTY_MERGED_INPUT_TYPE, format!("None of the fields of input object type \"{name}\" are consistently defined in all the subgraphs defining that type. As only fields common to all subgraphs are merged, this would result in an empty type."))
                    .subgraphs(all)
                    .coordinate(name),
            );
        }
        fields
    }

    /// Merges an argument or input field: description, directives, type (input
    /// position) and default value. Returns the field, whether all types were
    /// equal, and whether it is @inaccessible.
    pub(super) fn merge_input_value(
        &mut self,
        coordinate: &str,
        present: &[(usize, &ast::InputValueDefinition)],
        is_argument: bool,
    ) -> Option<(OutField, bool, bool)> {
        if present.is_empty() {
            return None;
        }
        let directive_sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = present
            .iter()
            .map(|(i, f)| (&self.sgs[*i], f.directives.each()))
            .collect();
        let merged = merge_applications(&self.carried, &directive_sources, false);
        let inaccessible = merged.is_inaccessible();
        let types: Vec<(usize, &Type)> = present.iter().map(|(i, f)| (*i, &*f.ty)).collect();
        let (ty, all_equal) = self.merge_type_reference(coordinate, &types, true, is_argument);
        let default = self.merge_default(coordinate, present, is_argument);
        let mut directives = Vec::new();
        push_merged(&mut directives, merged);
        Some((
            OutField {
                description: Merger::merge_descriptions(
                    present.iter().map(|(_, f)| f.description.as_deref()),
                ),
                args: IndexMap::new(),
                ty,
                default,
                directives,
            },
            all_equal,
            inaccessible,
        ))
    }

    pub(super) fn merge_default(
        &mut self,
        coordinate: &str,
        present: &[(usize, &ast::InputValueDefinition)],
        is_argument: bool,
    ) -> Option<String> {
        let defaults: Vec<(usize, Option<String>)> = present
            .iter()
            .map(|(i, f)| (*i, f.default_value.as_ref().map(|v| print_value(v))))
            .collect();
        let distinct: Vec<&String> = {
            let mut d: Vec<&String> = Vec::new();
            for (_, v) in &defaults {
                if let Some(v) = v
                    && !d.contains(&v)
                {
                    d.push(v);
                }
            }
            d
        };
        if distinct.len() > 1 {
            let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
            for (i, v) in &defaults {
                let label = v
                    .as_ref()
                    .map(|v| format!("default value {v}"))
                    .unwrap_or_else(|| "no default value".into());
                groups
                    .entry(label)
                    .or_default()
                    .push(self.sgs[*i].name.clone());
            }
            let parts: Vec<String> = groups
                .iter()
                .map(|(l, s)| format!("{l} in {}", subgraphs_phrase(s)))
                .collect();
            let (code, kind) = if is_argument {
                (Code::ARGUMENT_DEFAULT_MISMATCH, "Argument")
            } else {
                (Code::INPUT_FIELD_DEFAULT_MISMATCH, "Input field")
            };
            self.diagnostics.push(
                Diagnostic::new(code, format!("{kind} \"{coordinate}\" has incompatible default values across subgraphs: it has {}", join_mismatch(&parts)))
                    .subgraphs(groups.values().flatten().cloned())
                    .coordinate(coordinate),
            );
            return None;
        }
        // Intersection: a default only when every subgraph has it.
        if defaults.iter().all(|(_, v)| v.is_some()) {
            distinct.first().map(|s| (*s).clone())
        } else {
            None
        }
    }
}

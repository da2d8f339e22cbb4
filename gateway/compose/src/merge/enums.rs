//! Enum values, merged by usage: union for output-only enums, intersection
//! for input-only ones, equality for enums used both ways.

use super::applications::merge_applications;
use super::{EnumUsage, Merger};
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, OutValue};
use apollo_compiler::ast::{self};
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;

impl<'a> Merger<'a> {
    pub(super) fn merge_enum_values(
        &mut self,
        name: &str,
        sources: &[Option<&ExtendedType>],
    ) -> IndexMap<String, OutValue> {
        let usage = self.enum_usage.get(name).cloned().unwrap_or(EnumUsage {
            input: None,
            output: Some(String::new()),
        });
        let enums: Vec<(
            usize,
            &apollo_compiler::Name,
            &apollo_compiler::schema::EnumType,
        )> = sources
            .iter()
            .enumerate()
            .filter_map(|(i, s)| match s {
                Some(ExtendedType::Enum(e)) => Some((i, &e.name, &**e)),
                _ => None,
            })
            .collect();
        let mut names: Vec<String> = Vec::new();
        for (_, _, e) in &enums {
            for v in e.values.keys() {
                if !names.iter().any(|n| n == v.as_str()) {
                    names.push(v.to_string());
                }
            }
        }
        let mut values = IndexMap::new();
        for value in names {
            let present: Vec<(usize, &ast::EnumValueDefinition)> = enums
                .iter()
                .filter_map(|(i, _, e)| e.values.get(value.as_str()).map(|v| (*i, &***v)))
                .collect();
            let directive_sources: Vec<(&Subgraph, Vec<&ast::Directive>)> = present
                .iter()
                .map(|(i, v)| (&self.sgs[*i], v.directives.each()))
                .collect();
            let merged = merge_applications(&self.carried, &directive_sources, false);
            let missing_in: Vec<String> = enums
                .iter()
                .filter(|(_, _, e)| !e.values.contains_key(value.as_str()))
                .map(|(i, _, _)| self.sgs[*i].name.clone())
                .collect();
            let defined_in: Vec<String> = present
                .iter()
                .map(|(i, _)| self.sgs[*i].name.clone())
                .collect();
            if !merged.is_inaccessible() && usage.input.is_some() && !missing_in.is_empty() {
                if let Some(output) = &usage.output {
                    let input = usage.input.clone().unwrap_or_default();
                    self.diagnostics.push(
                        Diagnostic::new(Code::ENUM_VALUE_MISMATCH, format!("Enum type \"{name}\" is used as both input type (for example, as type of \"{input}\") and output type (for example, as type of \"{output}\"), but value \"{value}\" is not defined in all the subgraphs defining \"{name}\": \"{value}\" is defined in {} but not in {}", subgraphs_phrase(&defined_in), subgraphs_phrase(&missing_in)))
                            .subgraphs(defined_in.iter().chain(missing_in.iter()).cloned())
                            .coordinate(format!("{name}.{value}")),
                    );
                } else {
                    // Input-only enums keep only the values every subgraph knows.
                    continue;
                }
            }
            let mut directives = Vec::new();
            if let Some(i) = merged.inaccessible.clone() {
                directives.push(i);
            }
            for (i, _) in &present {
                directives
                    .push(Applied::new("join__enumValue").arg("graph", self.graphs[*i].clone()));
            }
            directives.extend(merged.others);
            let description =
                Merger::merge_descriptions(present.iter().map(|(_, v)| v.description.as_deref()));
            values.insert(
                value,
                OutValue {
                    description,
                    directives,
                },
            );
        }
        if values.is_empty() {
            let all: Vec<String> = enums
                .iter()
                .map(|(i, _, _)| self.sgs[*i].name.clone())
                .collect();
            self.diagnostics.push(
                Diagnostic::new(Code::EMPTY_MERGED_ENUM_TYPE, format!("None of the values of enum type \"{name}\" are defined consistently in all the subgraphs defining that type. As only values common to all subgraphs are merged, this would result in an empty type."))
                    .subgraphs(all)
                    .coordinate(name),
            );
        }
        values
    }
}

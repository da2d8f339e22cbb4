//! Merging one type: scalars, unions, enums (union / intersection / equality by
//! usage), input objects (intersection of fields), and the type-level parts of
//! objects and interfaces (their fields are merged in `fields`).

use super::directives::{MergedDirectives, merge_applications};
use super::{EnumUsage, Merger};
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, Kind, OutField, OutType, OutValue, print_value};
use apollo_compiler::ast::{self, Type};
use apollo_compiler::schema::{ComponentOrigin, ExtendedType};
use indexmap::IndexMap;

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

    fn merge_enum_values(
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

    fn merge_input_fields(
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

    fn merge_default(
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

    /// Merges field, argument or input field types. Output positions take the
    /// most general type, input positions the most specific; incompatible types
    /// are an error. Returns the printed type and whether all were equal.
    pub(super) fn merge_type_reference(
        &mut self,
        coordinate: &str,
        sources: &[(usize, &Type)],
        input: bool,
        is_argument: bool,
    ) -> (String, bool) {
        let mut dest: Option<&Type> = None;
        let mut has_subtypes = false;
        let mut incompatible = false;
        for (_, t) in sources {
            match dest {
                None => dest = Some(t),
                Some(d) if d == *t => {}
                Some(d) if self.is_strict_subtype(d, t) => {
                    has_subtypes = true;
                    if input {
                        dest = Some(t);
                    }
                }
                Some(d) if self.is_strict_subtype(t, d) => {
                    has_subtypes = true;
                    if !input {
                        dest = Some(t);
                    }
                }
                Some(_) => incompatible = true,
            }
        }
        let Some(dest) = dest else {
            return (String::new(), true);
        };
        let base = dest.inner_named_type().to_string();
        if self.kinds.get(&base) == Some(&Kind::Enum) {
            let usage = self.enum_usage.entry(base).or_default();
            let slot = if input {
                &mut usage.input
            } else {
                &mut usage.output
            };
            if slot.is_none() {
                *slot = Some(coordinate.to_string());
            }
        }
        if incompatible {
            let mut groups: IndexMap<String, Vec<String>> = IndexMap::new();
            for (i, t) in sources {
                groups
                    .entry(format!("type \"{t}\""))
                    .or_default()
                    .push(self.sgs[*i].name.clone());
            }
            let parts: Vec<String> = groups
                .iter()
                .map(|(l, s)| format!("{l} in {}", subgraphs_phrase(s)))
                .collect();
            let (code, element) = if is_argument {
                (Code::ARGUMENT_TYPE_MISMATCH, "argument")
            } else {
                (Code::FIELD_TYPE_MISMATCH, "field")
            };
            self.diagnostics.push(
                Diagnostic::new(code, format!("Type of {element} \"{coordinate}\" is incompatible across subgraphs: it has {}", join_mismatch(&parts)))
                    .subgraphs(groups.values().flatten().cloned())
                    .coordinate(coordinate),
            );
            return (dest.to_string(), false);
        }
        (dest.to_string(), !has_subtypes)
    }

    /// Whether `sub` is a strict subtype of `sup` (non-null downgrade, list and
    /// non-null propagation, union members and interface implementations).
    pub(crate) fn is_strict_subtype(&self, sup: &Type, sub: &Type) -> bool {
        match (sup, sub) {
            (Type::NonNullNamed(a), Type::NonNullNamed(b)) | (Type::Named(a), Type::Named(b)) => {
                self.is_direct_subtype(a, b)
            }
            (Type::NonNullList(a), Type::NonNullList(b)) | (Type::List(a), Type::List(b)) => {
                self.is_strict_subtype(a, b)
            }
            (Type::Named(a), Type::NonNullNamed(b)) => a == b || self.is_direct_subtype(a, b),
            (Type::List(a), Type::NonNullList(b)) => a == b || self.is_strict_subtype(a, b),
            _ => false,
        }
    }

    fn is_direct_subtype(&self, sup: &str, sub: &str) -> bool {
        self.union_members.get(sup).is_some_and(|m| m.contains(sub))
            || self.implements.get(sub).is_some_and(|i| i.contains(sup))
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

//! Merging the fields of object and interface types: `@override`, `@external`,
//! types, arguments, `@join__field`, and the `@shareable` rule.

use super::Merger;
use super::directives::merge_applications;
use super::types::{join_mismatch, push_merged};
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::subgraph::{Directives, Subgraph};
use crate::supergraph::model::{Applied, Kind, OutArg, OutField, string_literal};
use apollo_compiler::ast::{self, FieldDefinition};
use apollo_compiler::schema::ExtendedType;
use indexmap::IndexMap;

/// What an override did to one subgraph's copy of a field.
#[derive(Debug, Clone, Default)]
struct OverrideState {
    used_overridden: bool,
    unused_overridden: bool,
    label: Option<String>,
}

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
        let args = self.merge_arguments(&coordinate, &resolving, fields);
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
        if self.needs_join_field(type_name, fields, &external, &states, all_equal) {
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
                        ),
                );
            }
        }
        let mut rest = super::directives::MergedDirectives {
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

    fn merge_arguments(
        &mut self,
        coordinate: &str,
        resolving: &[usize],
        fields: &[Option<&FieldDefinition>],
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

    fn validate_external_fields(
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

    fn validate_field_sharing(
        &mut self,
        type_name: &str,
        name: &str,
        fields: &[Option<&FieldDefinition>],
        external: &[bool],
        states: &[OverrideState],
        from_interface_object: &[(usize, String)],
    ) {
        let mut shareable: Vec<String> = Vec::new();
        let mut non_shareable: Vec<String> = Vec::new();
        let mut resolving: Vec<String> = Vec::new();
        for (i, f) in fields.iter().enumerate() {
            if f.is_none()
                || external[i]
                || states[i].used_overridden
                || states[i].unused_overridden
            {
                continue;
            }
            let sg = &self.sgs[i];
            let label = format!("\"{}\"", sg.name);
            resolving.push(label.clone());
            if sg.is_shareable(type_name, name) {
                shareable.push(label);
            } else {
                non_shareable.push(label);
            }
        }
        for (i, itf) in from_interface_object {
            let sg = &self.sgs[*i];
            let label = format!(
                "\"{}\" (through @interfaceObject field \"{itf}.{name}\")",
                sg.name
            );
            resolving.push(label.clone());
            if sg.is_shareable(itf, name) {
                shareable.push(label);
            } else {
                non_shareable.push(label);
            }
        }
        if !non_shareable.is_empty() && (!shareable.is_empty() || non_shareable.len() > 1) {
            let phrase = |l: &[String]| {
                let joined = match l.len() {
                    1 => l[0].clone(),
                    n => format!("{} and {}", l[..n - 1].join(", "), l[n - 1]),
                };
                format!(
                    "{} {joined}",
                    if l.len() == 1 {
                        "subgraph"
                    } else {
                        "subgraphs"
                    }
                )
            };
            let non = if shareable.is_empty() {
                "all of them".to_string()
            } else {
                phrase(&non_shareable)
            };
            let involved: Vec<String> = resolving
                .iter()
                .map(|s| s.split('"').nth(1).unwrap_or_default().to_string())
                .collect();
            self.diagnostics.push(
                Diagnostic::new(Code::INVALID_FIELD_SHARING, format!("Non-shareable field \"{type_name}.{name}\" is resolved from multiple subgraphs: it is resolved from {} and defined as non-shareable in {non}", phrase(&resolving)))
                    .subgraphs(involved)
                    .coordinate(format!("{type_name}.{name}")),
            );
        }
    }

    fn validate_override(
        &mut self,
        type_name: &str,
        kind: Kind,
        name: &str,
        fields: &[Option<&FieldDefinition>],
    ) -> Vec<OverrideState> {
        let mut states = vec![OverrideState::default(); fields.len()];
        let coordinate = format!("{type_name}.{name}");
        let overrides: Vec<(usize, String, Option<String>)> = fields
            .iter()
            .enumerate()
            .filter(|(_, f)| f.is_some())
            .filter_map(|(i, _)| {
                self.sgs[i]
                    .override_of(type_name, name)
                    .map(|(from, label)| (i, from, label))
            })
            .collect();
        for (i, from, label) in &overrides {
            let sg_name = self.sgs[*i].name.clone();
            if kind == Kind::Interface {
                let code = if self.sgs[*i].is_interface_object(type_name) {
                    Code::OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE
                } else {
                    Code::OVERRIDE_ON_INTERFACE
                };
                self.diagnostics.push(
                    Diagnostic::new(code, format!("@override cannot be used on field \"{coordinate}\" on subgraph \"{sg_name}\": @override is not supported on interface type fields or @interfaceObject fields."))
                        .subgraph(sg_name)
                        .coordinate(coordinate.clone()),
                );
                continue;
            }
            let Some(from_idx) = self.sgs.iter().position(|s| s.name == *from) else {
                // An unknown source subgraph is only a hint in Apollo's composition.
                continue;
            };
            if from_idx == *i {
                self.diagnostics.push(
                    Diagnostic::new(Code::OVERRIDE_FROM_SELF_ERROR, format!("Source and destination subgraphs \"{from}\" are the same for overridden field \"{coordinate}\""))
                        .subgraph(sg_name)
                        .coordinate(coordinate.clone()),
                );
                continue;
            }
            if overrides.iter().any(|(j, _, _)| *j == from_idx) {
                self.diagnostics.push(
                    Diagnostic::new(Code::OVERRIDE_SOURCE_HAS_OVERRIDE, format!("Field \"{coordinate}\" on subgraph \"{sg_name}\" is also marked with directive @override in subgraph \"{from}\". Only one @override directive is allowed per field."))
                        .subgraphs([sg_name.clone(), from.clone()])
                        .coordinate(coordinate.clone()),
                );
                continue;
            }
            let Some(_) = fields[from_idx] else { continue };
            let from_sg = &self.sgs[from_idx];
            let conflict = if from_sg.requires(type_name, name).is_some() {
                Some(("requires", from.clone()))
            } else if from_sg.provides(type_name, name).is_some() {
                Some(("provides", from.clone()))
            } else if self.sgs[*i].is_external(type_name, name) {
                Some(("external", sg_name.clone()))
            } else {
                None
            };
            if let Some((directive, on)) = conflict {
                self.diagnostics.push(
                    Diagnostic::new(Code::OVERRIDE_COLLISION_WITH_ANOTHER_DIRECTIVE, format!("@override cannot be used on field \"{coordinate}\" on subgraph \"{sg_name}\" since \"{coordinate}\" on \"{on}\" is marked with directive \"@{directive}\""))
                        .subgraphs([sg_name.clone(), from.clone()])
                        .coordinate(coordinate.clone()),
                );
                continue;
            }
            if !from_sg.is_external(type_name, name) {
                let used = from_sg
                    .used_in_field_sets
                    .contains(&(type_name.to_string(), name.to_string()))
                    || self.implements_interface_field(from_sg, type_name, name);
                if used {
                    states[from_idx].used_overridden = true;
                } else {
                    states[from_idx].unused_overridden = true;
                }
            }
            if let Some(label) = label {
                if valid_override_label(label) {
                    states[*i].label = Some(label.clone());
                    states[from_idx].label = Some(label.clone());
                } else {
                    self.diagnostics.push(
                        Diagnostic::new(Code::OVERRIDE_LABEL_INVALID, format!("Invalid @override label \"{label}\" on field \"{coordinate}\" on subgraph \"{sg_name}\": labels must start with a letter and after that may contain alphanumerics, underscores, minuses, colons, periods, or slashes. Alternatively, labels may be of the form \"percent(x)\" where x is a float between 0-100 inclusive."))
                            .subgraph(sg_name)
                            .coordinate(coordinate.clone()),
                    );
                }
            }
        }
        states
    }

    fn implements_interface_field(&self, sg: &Subgraph, type_name: &str, field: &str) -> bool {
        match sg.schema.types.get(type_name) {
            Some(ExtendedType::Object(o)) => o
                .implements_interfaces
                .iter()
                .any(|i| sg.field(&i.name, field).is_some()),
            _ => false,
        }
    }
}

fn valid_override_label(label: &str) -> bool {
    let mut chars = label.chars();
    let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    if starts_with_letter
        && label
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-:./".contains(c))
        && !label.starts_with("percent(")
    {
        return true;
    }
    let Some(inner) = label
        .strip_prefix("percent(")
        .and_then(|r| r.strip_suffix(')'))
    else {
        return false;
    };
    let (int, frac) = inner.split_once('.').unwrap_or((inner, ""));
    let int_ok =
        (1..=2).contains(&int.len()) && int.chars().all(|c| c.is_ascii_digit()) || int == "100";
    let frac_ok = frac.is_empty() && !inner.ends_with('.')
        || (1..=8).contains(&frac.len()) && frac.chars().all(|c| c.is_ascii_digit());
    int_ok
        && frac_ok
        && (int != "100" || frac.is_empty())
        && inner
            .parse::<f64>()
            .is_ok_and(|p| (0.0..=100.0).contains(&p))
}

#[cfg(test)]
mod tests {
    use super::valid_override_label;

    #[test]
    fn override_labels_follow_apollo_rules() {
        assert!(valid_override_label("percent(50)"));
        assert!(valid_override_label("percent(0.25)"));
        assert!(valid_override_label("beta-flag:v2"));
        assert!(!valid_override_label("percent(101)"));
        assert!(!valid_override_label("1abc"));
        assert!(!valid_override_label("percent(5.)"));
    }
}

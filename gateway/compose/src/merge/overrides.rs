//! @override: validation, and what it does to each subgraph's copy of a field
//! (overridden and unused, overridden but still used by a field set, labelled).

use super::Merger;
use crate::diagnostic::{Code, Diagnostic};
use crate::subgraph::Subgraph;
use crate::supergraph::model::Kind;
use apollo_compiler::ast::FieldDefinition;
use apollo_compiler::schema::ExtendedType;

/// What an override did to one subgraph's copy of a field.
#[derive(Debug, Clone, Default)]
pub(super) struct OverrideState {
    pub used_overridden: bool,
    pub unused_overridden: bool,
    pub label: Option<String>,
}

impl<'a> Merger<'a> {
    pub(super) fn validate_override(
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

    pub(super) fn implements_interface_field(
        &self,
        sg: &Subgraph,
        type_name: &str,
        field: &str,
    ) -> bool {
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
    pub(super) fn override_labels_follow_apollo_rules() {
        assert!(valid_override_label("percent(50)"));
        assert!(valid_override_label("percent(0.25)"));
        assert!(valid_override_label("beta-flag:v2"));
        assert!(!valid_override_label("percent(101)"));
        assert!(!valid_override_label("1abc"));
        assert!(!valid_override_label("percent(5.)"));
    }
}

//! The @shareable rule: a field resolved by several subgraphs must be
//! shareable in all of them (including through @interfaceObject).

use super::Merger;
use super::overrides::OverrideState;
use crate::diagnostic::{Code, Diagnostic};
use apollo_compiler::ast::FieldDefinition;

impl<'a> Merger<'a> {
    pub(super) fn validate_field_sharing(
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
}

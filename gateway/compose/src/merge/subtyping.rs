//! Type references across subgraphs: output positions take the most general
//! type, input positions the most specific, and the subtyping rules behind both.

use super::Merger;
use super::types::join_mismatch;
use crate::diagnostic::{Code, Diagnostic, subgraphs_phrase};
use crate::supergraph::model::Kind;
use apollo_compiler::ast::Type;
use indexmap::IndexMap;

impl<'a> Merger<'a> {
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

    pub(super) fn is_direct_subtype(&self, sup: &str, sub: &str) -> bool {
        self.union_members.get(sup).is_some_and(|m| m.contains(sub))
            || self.implements.get(sub).is_some_and(|i| i.contains(sup))
    }
}

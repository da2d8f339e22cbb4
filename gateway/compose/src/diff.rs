//! Changes between two API schemas that break existing clients.

use apollo_compiler::Schema;
use apollo_compiler::ast::Type;
use apollo_compiler::schema::ExtendedType;
use std::fmt;

/// The kinds of breaking change reported by `quntuan check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    TypeRemoved,
    TypeKindChanged,
    FieldRemoved,
    FieldTypeChanged,
    ArgumentRemoved,
    ArgumentTypeChanged,
    RequiredArgumentAdded,
    RequiredInputFieldAdded,
    InputFieldTypeChanged,
    EnumValueRemoved,
    UnionMemberRemoved,
    InterfaceImplementationRemoved,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::TypeRemoved => "TYPE_REMOVED",
            ChangeKind::TypeKindChanged => "TYPE_KIND_CHANGED",
            ChangeKind::FieldRemoved => "FIELD_REMOVED",
            ChangeKind::FieldTypeChanged => "FIELD_TYPE_CHANGED",
            ChangeKind::ArgumentRemoved => "ARGUMENT_REMOVED",
            ChangeKind::ArgumentTypeChanged => "ARGUMENT_TYPE_CHANGED",
            ChangeKind::RequiredArgumentAdded => "REQUIRED_ARGUMENT_ADDED",
            ChangeKind::RequiredInputFieldAdded => "REQUIRED_INPUT_FIELD_ADDED",
            ChangeKind::InputFieldTypeChanged => "INPUT_FIELD_TYPE_CHANGED",
            ChangeKind::EnumValueRemoved => "ENUM_VALUE_REMOVED",
            ChangeKind::UnionMemberRemoved => "UNION_MEMBER_REMOVED",
            ChangeKind::InterfaceImplementationRemoved => "INTERFACE_IMPLEMENTATION_REMOVED",
        }
    }
}

/// One breaking change, at a schema coordinate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakingChange {
    pub kind: ChangeKind,
    pub coordinate: String,
    pub message: String,
}

impl fmt::Display for BreakingChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[{}] {}: {}",
            self.kind.as_str(),
            self.coordinate,
            self.message
        )
    }
}

fn kind_name(t: &ExtendedType) -> &'static str {
    match t {
        ExtendedType::Scalar(_) => "scalar",
        ExtendedType::Object(_) => "object type",
        ExtendedType::Interface(_) => "interface",
        ExtendedType::Union(_) => "union",
        ExtendedType::Enum(_) => "enum",
        ExtendedType::InputObject(_) => "input type",
    }
}

/// Whether an output type may change from `old` to `new` without breaking
/// clients: only by becoming non-null (at any level).
fn safe_output_change(old: &Type, new: &Type) -> bool {
    match (old, new) {
        (Type::Named(a), Type::Named(b) | Type::NonNullNamed(b))
        | (Type::NonNullNamed(a), Type::NonNullNamed(b)) => a == b,
        (Type::List(a), Type::List(b) | Type::NonNullList(b))
        | (Type::NonNullList(a), Type::NonNullList(b)) => safe_output_change(a, b),
        _ => false,
    }
}

/// Whether an input type may change from `old` to `new`: only by becoming nullable.
fn safe_input_change(old: &Type, new: &Type) -> bool {
    safe_output_change(new, old)
}

/// Every change from `old` to `new` that can break a client of `old`.
pub fn breaking_changes(old: &Schema, new: &Schema) -> Vec<BreakingChange> {
    let mut out = Vec::new();
    let mut push = |kind, coordinate: String, message: String| {
        out.push(BreakingChange {
            kind,
            coordinate,
            message,
        })
    };
    for (name, old_type) in &old.types {
        if old_type.is_built_in() {
            continue;
        }
        let Some(new_type) = new.types.get(name) else {
            push(
                ChangeKind::TypeRemoved,
                name.to_string(),
                format!("{} \"{name}\" was removed", kind_name(old_type)),
            );
            continue;
        };
        match (old_type, new_type) {
            (ExtendedType::Object(_), ExtendedType::Object(_))
            | (ExtendedType::Interface(_), ExtendedType::Interface(_)) => {
                let (old_fields, old_itfs, new_fields, new_itfs) = match (old_type, new_type) {
                    (ExtendedType::Object(a), ExtendedType::Object(b)) => (
                        &a.fields,
                        &a.implements_interfaces,
                        &b.fields,
                        &b.implements_interfaces,
                    ),
                    (ExtendedType::Interface(a), ExtendedType::Interface(b)) => (
                        &a.fields,
                        &a.implements_interfaces,
                        &b.fields,
                        &b.implements_interfaces,
                    ),
                    _ => continue,
                };
                for itf in old_itfs {
                    if !new_itfs.contains(itf) {
                        push(
                            ChangeKind::InterfaceImplementationRemoved,
                            name.to_string(),
                            format!("\"{name}\" no longer implements \"{}\"", itf.name),
                        );
                    }
                }
                for (field, old_field) in old_fields {
                    let coordinate = format!("{name}.{field}");
                    let Some(new_field) = new_fields.get(field) else {
                        push(
                            ChangeKind::FieldRemoved,
                            coordinate,
                            format!("field \"{name}.{field}\" was removed"),
                        );
                        continue;
                    };
                    if !safe_output_change(&old_field.ty, &new_field.ty) {
                        push(
                            ChangeKind::FieldTypeChanged,
                            coordinate.clone(),
                            format!(
                                "type changed from \"{}\" to \"{}\"",
                                old_field.ty, new_field.ty
                            ),
                        );
                    }
                    for old_arg in &old_field.arguments {
                        let arg_coordinate = format!("{coordinate}({}:)", old_arg.name);
                        match new_field.arguments.iter().find(|a| a.name == old_arg.name) {
                            None => push(
                                ChangeKind::ArgumentRemoved,
                                arg_coordinate,
                                format!("argument \"{}\" was removed", old_arg.name),
                            ),
                            Some(new_arg) if !safe_input_change(&old_arg.ty, &new_arg.ty) => push(
                                ChangeKind::ArgumentTypeChanged,
                                arg_coordinate,
                                format!(
                                    "argument type changed from \"{}\" to \"{}\"",
                                    old_arg.ty, new_arg.ty
                                ),
                            ),
                            Some(_) => {}
                        }
                    }
                    for new_arg in &new_field.arguments {
                        let added = !old_field.arguments.iter().any(|a| a.name == new_arg.name);
                        if added && new_arg.ty.is_non_null() && new_arg.default_value.is_none() {
                            push(
                                ChangeKind::RequiredArgumentAdded,
                                format!("{coordinate}({}:)", new_arg.name),
                                format!(
                                    "required argument \"{}: {}\" was added",
                                    new_arg.name, new_arg.ty
                                ),
                            );
                        }
                    }
                }
            }
            (ExtendedType::Enum(a), ExtendedType::Enum(b)) => {
                for value in a.values.keys() {
                    if !b.values.contains_key(value) {
                        push(
                            ChangeKind::EnumValueRemoved,
                            format!("{name}.{value}"),
                            format!("enum value \"{value}\" was removed from \"{name}\""),
                        );
                    }
                }
            }
            (ExtendedType::Union(a), ExtendedType::Union(b)) => {
                for m in &a.members {
                    if !b.members.contains(m) {
                        push(
                            ChangeKind::UnionMemberRemoved,
                            name.to_string(),
                            format!("member \"{}\" was removed from union \"{name}\"", m.name),
                        );
                    }
                }
            }
            (ExtendedType::InputObject(a), ExtendedType::InputObject(b)) => {
                for (field, old_field) in &a.fields {
                    let coordinate = format!("{name}.{field}");
                    match b.fields.get(field) {
                        None => push(
                            ChangeKind::FieldRemoved,
                            coordinate,
                            format!("input field \"{name}.{field}\" was removed"),
                        ),
                        Some(new_field) if !safe_input_change(&old_field.ty, &new_field.ty) => {
                            push(
                                ChangeKind::InputFieldTypeChanged,
                                coordinate,
                                format!(
                                    "type changed from \"{}\" to \"{}\"",
                                    old_field.ty, new_field.ty
                                ),
                            )
                        }
                        Some(_) => {}
                    }
                }
                for (field, new_field) in &b.fields {
                    if !a.fields.contains_key(field)
                        && new_field.ty.is_non_null()
                        && new_field.default_value.is_none()
                    {
                        push(
                            ChangeKind::RequiredInputFieldAdded,
                            format!("{name}.{field}"),
                            format!(
                                "required input field \"{field}: {}\" was added",
                                new_field.ty
                            ),
                        );
                    }
                }
            }
            (ExtendedType::Scalar(_), ExtendedType::Scalar(_)) => {}
            (a, b) => push(
                ChangeKind::TypeKindChanged,
                name.to_string(),
                format!(
                    "\"{name}\" changed from {} to {}",
                    kind_name(a),
                    kind_name(b)
                ),
            ),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_null_outputs_and_nullable_inputs_are_safe() {
        let t = |s: &str| Type::parse(s, "t.graphql").expect("test type parses");
        assert!(safe_output_change(&t("String"), &t("String!")));
        assert!(!safe_output_change(&t("String!"), &t("String")));
        assert!(safe_input_change(&t("String!"), &t("String")));
        assert!(!safe_input_change(&t("String"), &t("String!")));
        assert!(!safe_output_change(&t("[Int]"), &t("Int")));
    }
}

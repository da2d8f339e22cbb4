//! The walk over the merged data along a [`ShapePlan`], writing the client's JSON text.

use super::plan::{FieldShape, ShapePlan, ValueShape};
use crate::data::{Data, Object, write};
use crate::error::{ErrorCode, GraphqlError, PathItem};
use apollo_compiler::Name;
use apollo_compiler::ast::Type;

/// Writes `data` shaped by `plan` into `out`; `Err` when a non-null root field was null.
pub(super) fn write_root(
    plan: &ShapePlan,
    data: &Data,
    errors: &mut Vec<GraphqlError>,
    had_fetch_failure: bool,
    out: &mut Vec<u8>,
) -> Result<(), Propagate> {
    let mut walk = Walk {
        existing_errors: errors.len(),
        errors,
        had_fetch_failure,
        path: Vec::new(),
    };
    let empty = Object::new();
    let object = data.as_object().unwrap_or(&empty);
    walk.object(&plan.root, plan.root_type.as_str(), object, out)
}

/// A null reached a non-null position: the caller must null itself.
pub(super) struct Propagate;

struct Walk<'p, 'e> {
    errors: &'e mut Vec<GraphqlError>,
    had_fetch_failure: bool,
    /// Where the walk is, borrowing the plan's keys; made into strings only for errors.
    path: Vec<PathStep<'p>>,
    existing_errors: usize,
}

#[derive(Clone, Copy)]
enum PathStep<'p> {
    Key(&'p Name),
    Index(usize),
}

impl PathStep<'_> {
    fn to_item(self) -> PathItem {
        match self {
            Self::Key(name) => PathItem::Key(name.to_string()),
            Self::Index(i) => PathItem::Index(i),
        }
    }

    fn matches(self, item: &PathItem) -> bool {
        match (self, item) {
            (Self::Key(a), PathItem::Key(b)) => a.as_str() == b,
            (Self::Index(a), PathItem::Index(b)) => a == *b,
            _ => false,
        }
    }
}

impl<'p> Walk<'p, '_> {
    /// Writes the object; `Err` when a non-null field of it is null (the caller nulls it).
    fn object(
        &mut self,
        fields: &'p [FieldShape],
        typename: &str,
        source: &Object,
        out: &mut Vec<u8>,
    ) -> Result<(), Propagate> {
        out.push(b'{');
        // Fields are read in the order the subgraphs wrote them, which is the selection's.
        let mut cursor = 0;
        for (i, field) in fields.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(&field.key_json);
            match &field.value {
                ValueShape::Typename => {
                    write::string(out, typename);
                    continue;
                }
                ValueShape::UnresolvedTypename => {
                    self.unresolved_typename(typename, &field.key);
                    return Err(Propagate);
                }
                _ => {}
            }
            self.path.push(PathStep::Key(&field.key));
            let value = source.get_from(field.key.as_str(), &mut cursor);
            let result = self.complete(&field.ty, value, field, typename, out);
            self.path.pop();
            result?;
        }
        out.push(b'}');
        Ok(())
    }

    /// Writes the field's value. `Ok(true)` when it wrote null; `Err` when that null sits in a
    /// non-null position, so the parent must null itself.
    fn complete(
        &mut self,
        ty: &'p Type,
        value: Option<&Data>,
        field: &'p FieldShape,
        parent_type: &str,
        out: &mut Vec<u8>,
    ) -> Result<bool, Propagate> {
        let start = out.len();
        let wrote_null = match value {
            None | Some(Data::Null) => {
                out.extend_from_slice(b"null");
                true
            }
            Some(value) => match ty {
                Type::Named(_) | Type::NonNullNamed(_) => self.named(value, field, out),
                Type::List(inner) | Type::NonNullList(inner) => match value {
                    Data::List(items) => {
                        out.push(b'[');
                        let mut nulled = false;
                        for (i, item) in items.iter().enumerate() {
                            if i > 0 {
                                out.push(b',');
                            }
                            self.path.push(PathStep::Index(i));
                            let completed =
                                self.complete(inner, Some(item), field, parent_type, out);
                            self.path.pop();
                            if completed.is_err() {
                                nulled = true;
                                break;
                            }
                        }
                        if nulled {
                            out.truncate(start);
                            out.extend_from_slice(b"null");
                        } else {
                            out.push(b']');
                        }
                        nulled
                    }
                    _ => {
                        self.invalid(format!(
                            "expected a list for `{parent_type}.{}`",
                            field.name
                        ));
                        out.extend_from_slice(b"null");
                        true
                    }
                },
            },
        };
        if wrote_null && ty.is_non_null() {
            let was_explicit_null = matches!(value, Some(Data::Null));
            if !self.error_covers_path() && (was_explicit_null || !self.had_fetch_failure) {
                self.errors.push(
                    GraphqlError::new(
                        format!(
                            "Cannot return null for non-nullable field {parent_type}.{}",
                            field.name
                        ),
                        ErrorCode::NonNullViolation,
                    )
                    .with_path(self.current_path()),
                );
            }
            return Err(Propagate);
        }
        Ok(wrote_null)
    }

    /// Writes a value of the field's named type; returns whether it wrote null.
    fn named(&mut self, value: &Data, field: &'p FieldShape, out: &mut Vec<u8>) -> bool {
        match &field.value {
            ValueShape::Enum(enum_type) => match value.as_str() {
                Some(v) if enum_type.values.contains_key(v) => {
                    write::value(out, value);
                    false
                }
                _ => {
                    self.invalid(format!(
                        "subgraph value {value} is not a value of enum `{}`",
                        enum_type.name
                    ));
                    out.extend_from_slice(b"null");
                    true
                }
            },
            ValueShape::Object { typename, fields } => {
                let Data::Object(object) = value else {
                    return self.not_an_object(typename, out);
                };
                self.nested(fields, typename.as_str(), object, out)
            }
            ValueShape::Abstract { declared, variants } => {
                let Data::Object(object) = value else {
                    return self.not_an_object(declared, out);
                };
                let typename = object
                    .get("__typename")
                    .and_then(Data::as_str)
                    .unwrap_or(declared.as_str());
                let Some(fields) = variants.get(typename) else {
                    self.invalid(format!("subgraph returned type `{typename}`, which is not a `{declared}` of the API schema"));
                    out.extend_from_slice(b"null");
                    return true;
                };
                self.nested(fields, typename, object, out)
            }
            // Scalars pass through as the subgraph sent them (`__typename` never gets here).
            ValueShape::Scalar | ValueShape::Typename | ValueShape::UnresolvedTypename => {
                write::value(out, value);
                false
            }
        }
    }

    /// Writes a nested object, or null when a non-null field of it was null.
    fn nested(
        &mut self,
        fields: &'p [FieldShape],
        typename: &str,
        object: &Object,
        out: &mut Vec<u8>,
    ) -> bool {
        let start = out.len();
        if self.object(fields, typename, object, out).is_err() {
            out.truncate(start);
            out.extend_from_slice(b"null");
            return true;
        }
        false
    }

    fn not_an_object(&mut self, named: &Name, out: &mut Vec<u8>) -> bool {
        self.invalid(format!("expected an object of type `{named}`"));
        out.extend_from_slice(b"null");
        true
    }

    /// `__typename` asked of an object whose concrete type is unknown: it still carries the
    /// interface's name an `@interfaceObject` subgraph gave it, because the subgraph that
    /// resolves the concrete type failed or did not find it. No object type can be answered,
    /// so the object is null (as Apollo Router does); the error is the failed fetch's, or
    /// this one when nothing failed.
    fn unresolved_typename(&mut self, typename: &str, key: &'p Name) {
        self.path.push(PathStep::Key(key));
        if !self.had_fetch_failure && !self.error_covers_path() {
            self.invalid(format!(
                "the concrete type of this `{typename}` is unknown (no subgraph resolved it), so `__typename` cannot be answered"
            ));
        }
        self.path.pop();
    }

    fn invalid(&mut self, message: String) {
        self.errors.push(
            GraphqlError::new(message, ErrorCode::InvalidSubgraphValue)
                .with_path(self.current_path()),
        );
    }

    fn current_path(&self) -> Vec<PathItem> {
        self.path.iter().map(|step| step.to_item()).collect()
    }

    /// Whether an error (a subgraph's, usually) already speaks of this path or a path below it.
    fn error_covers_path(&self) -> bool {
        self.errors[..self.existing_errors]
            .iter()
            .chain(self.errors[self.existing_errors..].iter())
            .any(|e| {
                e.path.as_ref().is_some_and(|p| {
                    p.len() >= self.path.len()
                        && self
                            .path
                            .iter()
                            .zip(p.iter())
                            .all(|(step, item)| step.matches(item))
                })
            })
    }
}

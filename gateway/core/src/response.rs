//! The response stage: from the merged subgraph data, exactly what the client asked for.
//!
//! Entry point: [`shape`]. It walks the client's selection over the merged data: aliases and
//! `__typename` answered, fragments applied by the object's runtime type (a fragment that does
//! not apply contributes nothing, so an object may be `{}`), internal fields the planner added
//! left out, enum values checked against the API schema, and nulls propagated per the GraphQL
//! spec (a null in a non-null position nulls the nearest nullable parent).
//!
//! The answer is written straight to JSON text rather than built as a tree and serialised
//! after: a null that propagates truncates what was written for the object it nulls.

use crate::data::{Data, FastMap, Object, write};
use crate::error::{ErrorCode, GraphqlError, PathItem};
use crate::selection::{Selection, SelectionSet};
use apollo_compiler::ast::Type;
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::validation::Valid;
use apollo_compiler::{Name, Schema};
use serde_json::value::RawValue;
use std::rc::Rc;

/// Shapes `data` for the client's `selection` on `root_type` into JSON text; adds errors for
/// what it had to null. The result is `null` when a non-null root field was null.
pub fn shape(
    schema: &Valid<Schema>,
    selection: &SelectionSet,
    root_type: &Name,
    data: &Data,
    errors: &mut Vec<GraphqlError>,
    had_fetch_failure: bool,
) -> Box<RawValue> {
    shape_with_capacity(
        schema,
        selection,
        root_type,
        data,
        errors,
        had_fetch_failure,
        16 * 1024,
    )
}

/// [`shape`] into a buffer of `capacity` bytes: a caller that knows about how long the
/// answer will be (the length of the last answer to the same plan) spares the buffer its
/// doublings, each a copy of everything written so far.
pub fn shape_with_capacity(
    schema: &Valid<Schema>,
    selection: &SelectionSet,
    root_type: &Name,
    data: &Data,
    errors: &mut Vec<GraphqlError>,
    had_fetch_failure: bool,
    capacity: usize,
) -> Box<RawValue> {
    let mut shaper = Shaper {
        schema,
        existing_errors: errors.len(),
        errors,
        had_fetch_failure,
        path: Vec::new(),
        collected: FastMap::default(),
    };
    let empty = Object::new();
    let object = data.as_object().unwrap_or(&empty);
    let mut out = Vec::with_capacity(capacity);
    if shaper
        .object(selection, root_type, object, &mut out)
        .is_err()
    {
        out.clear();
        out.extend_from_slice(b"null");
    }
    // Written from `&str`s and serde_json's number formatting only, so always UTF-8.
    let text = String::from_utf8(out).unwrap_or_else(|_| "null".to_string());
    verbatim(text)
}

/// serde_json's name for its raw values in the serde data model (`RawValue` serialises and
/// deserialises as a one-field struct of this name).
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// The shaper's JSON text as a `RawValue`, without parsing it again: `RawValue::from_string`
/// validates by parsing the whole text (for the deep benchmark query, 87 KB per request) although
/// the shaper writes only valid JSON. serde_json builds a `Box<RawValue>` from an owned string,
/// unchecked and without a copy, when a deserializer hands it one under its raw-value name,
/// which any deserializer can do: here serde's map deserializer with that one entry. Should a
/// serde_json version stop taking that, the text is still here (it is handed over only when
/// asked for) and `from_string`, the parse, is the fallback, so the answer stays right either
/// way; the test `shaped_text_becomes_a_raw_value_without_a_copy` notices the slower path.
/// Debug builds (every test) still check that the text is JSON.
fn verbatim(text: String) -> Box<RawValue> {
    use serde::Deserialize;
    use serde::de::value::{Error, MapDeserializer};
    debug_assert!(
        serde_json::from_str::<&RawValue>(&text).is_ok_and(|raw| raw.get().len() == text.len()),
        "the shaper wrote text that is not one JSON value: {text}"
    );
    let length = text.len();
    let mut slot = Some(text);
    let entry = std::iter::once((RAW_VALUE_TOKEN, HandOver(&mut slot)));
    let raw = Box::<RawValue>::deserialize(MapDeserializer::<_, Error>::new(entry));
    match (raw, slot) {
        (Ok(raw), None) if raw.get().len() == length => raw,
        (_, Some(text)) => RawValue::from_string(text)
            .unwrap_or_else(|_| RawValue::from_string("null".to_string()).expect("null is JSON")),
        // Taken but not kept as it was: not a serde_json this code knows.
        (_, None) => RawValue::from_string("null".to_string()).expect("null is JSON"),
    }
}

/// A string a deserializer hands over (moved, not copied) only to a visitor that asks for it.
struct HandOver<'a>(&'a mut Option<String>);

impl<'de> serde::de::IntoDeserializer<'de, serde::de::value::Error> for HandOver<'_> {
    type Deserializer = Self;
    fn into_deserializer(self) -> Self {
        self
    }
}

impl<'de> serde::Deserializer<'de> for HandOver<'_> {
    type Error = serde::de::value::Error;

    fn deserialize_any<V: serde::de::Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.0.take() {
            Some(text) => visitor.visit_string(text),
            None => Err(serde::de::Error::custom("the text was handed over already")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier
        ignored_any
    }
}

struct Shaper<'a> {
    schema: &'a Valid<Schema>,
    errors: &'a mut Vec<GraphqlError>,
    had_fetch_failure: bool,
    /// Where the walk is; keys are cheap `Name` clones, turned into strings only for errors.
    path: Vec<PathStep>,
    existing_errors: usize,
    /// CollectFields results by (selection address, runtime type): a list of a hundred objects
    /// with fragments collects its fields once, not a hundred times.
    collected: FastMap<usize, Vec<(String, Rc<SelectionSet>)>>,
}

#[derive(Clone)]
enum PathStep {
    Key(Name),
    Index(usize),
}

impl PathStep {
    fn to_item(&self) -> PathItem {
        match self {
            Self::Key(name) => PathItem::Key(name.to_string()),
            Self::Index(i) => PathItem::Index(*i),
        }
    }

    fn matches(&self, item: &PathItem) -> bool {
        match (self, item) {
            (Self::Key(a), PathItem::Key(b)) => a.as_str() == b,
            (Self::Index(a), PathItem::Index(b)) => a == b,
            _ => false,
        }
    }
}

/// A null reached a non-null position: the caller must null itself.
struct Propagate;

impl Shaper<'_> {
    fn applies(&self, condition: Option<&Name>, typename: &str) -> bool {
        let Some(condition) = condition else {
            return true;
        };
        if condition == typename {
            return true;
        }
        match self.schema.types.get(condition) {
            Some(ExtendedType::Union(union)) => union.members.iter().any(|m| m.name == typename),
            Some(ExtendedType::Interface(_)) => match self.schema.types.get(typename) {
                Some(ExtendedType::Object(o)) => {
                    o.implements_interfaces.iter().any(|i| i.name == *condition)
                }
                Some(ExtendedType::Interface(i)) => {
                    i.implements_interfaces.iter().any(|i| i.name == *condition)
                }
                _ => false,
            },
            _ => false,
        }
    }

    /// Writes the object; `Err` when a non-null field of it is null (the caller nulls it).
    fn object(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Object,
        out: &mut Vec<u8>,
    ) -> Result<(), Propagate> {
        out.push(b'{');
        self.fill(selection, typename, source, out)?;
        out.push(b'}');
        Ok(())
    }

    fn fill(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Object,
        out: &mut Vec<u8>,
    ) -> Result<(), Propagate> {
        // CollectFields: fragments that apply to the runtime type, same keys merged.
        let collected = self.collected_fields(selection, typename);
        self.fill_fields(&collected, typename, source, out)
    }

    fn collected_fields(&mut self, selection: &SelectionSet, typename: &str) -> Rc<SelectionSet> {
        let address = selection as *const SelectionSet as usize;
        if let Some(entries) = self.collected.get(&address)
            && let Some((_, set)) = entries.iter().find(|(t, _)| t == typename)
        {
            return set.clone();
        }
        let mut out = SelectionSet::default();
        self.collect(selection, typename, &mut out);
        let out = Rc::new(out);
        self.collected
            .entry(address)
            .or_default()
            .push((typename.to_string(), out.clone()));
        out
    }

    fn collect(&self, selection: &SelectionSet, typename: &str, out: &mut SelectionSet) {
        for item in &selection.items {
            match item {
                Selection::Field(field) => out.merge_field(field.clone()),
                Selection::InlineFragment(inline) => {
                    if self.applies(inline.type_condition.as_ref(), typename) {
                        self.collect(&inline.selection_set, typename, out);
                    }
                }
            }
        }
    }

    fn fill_fields(
        &mut self,
        selection: &SelectionSet,
        typename: &str,
        source: &Object,
        out: &mut Vec<u8>,
    ) -> Result<(), Propagate> {
        let mut first = true;
        let mut cursor = 0;
        for item in &selection.items {
            let Selection::Field(field) = item else {
                continue;
            };
            if !first {
                out.push(b',');
            }
            first = false;
            let key = field.response_key();
            write_string(out, key.as_str());
            out.push(b':');
            if field.name == "__typename" {
                if !self.is_object_type(typename) {
                    self.unresolved_typename(typename, key);
                    return Err(Propagate);
                }
                write_string(out, typename);
                continue;
            }
            self.path.push(PathStep::Key(key.clone()));
            let result = self.complete(
                &field.ty,
                source.get_from(key.as_str(), &mut cursor),
                field.selection_set.as_ref(),
                &field.name,
                typename,
                out,
            );
            self.path.pop();
            result?;
        }
        Ok(())
    }

    fn runtime_type<'v>(&self, declared: &'v Name, object: &'v Object) -> &'v str {
        match self.schema.types.get(declared) {
            Some(ExtendedType::Interface(_) | ExtendedType::Union(_)) => object
                .get("__typename")
                .and_then(Data::as_str)
                .unwrap_or(declared.as_str()),
            _ => declared.as_str(),
        }
    }

    /// Writes the field's value. `Ok(true)` when it wrote null; `Err` when that null sits in a
    /// non-null position, so the parent must null itself.
    fn complete(
        &mut self,
        ty: &Type,
        value: Option<&Data>,
        selection: Option<&SelectionSet>,
        field_name: &Name,
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
                Type::Named(named) | Type::NonNullNamed(named) => {
                    self.named(named, value, selection, out)
                }
                Type::List(inner) | Type::NonNullList(inner) => match value {
                    Data::List(items) => {
                        out.push(b'[');
                        let mut nulled = false;
                        for (i, item) in items.iter().enumerate() {
                            if i > 0 {
                                out.push(b',');
                            }
                            self.path.push(PathStep::Index(i));
                            let completed = self.complete(
                                inner,
                                Some(item),
                                selection,
                                field_name,
                                parent_type,
                                out,
                            );
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
                        self.invalid(format!("expected a list for `{parent_type}.{field_name}`"));
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
                            "Cannot return null for non-nullable field {parent_type}.{field_name}"
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

    /// Writes a value of a named type; returns whether it wrote null.
    fn named(
        &mut self,
        named: &Name,
        value: &Data,
        selection: Option<&SelectionSet>,
        out: &mut Vec<u8>,
    ) -> bool {
        if selection.is_none() && is_built_in_scalar(named) {
            // Most leaves: no need to look the type up in the schema (a hashed lookup each).
            write::value(out, value);
            return false;
        }
        match (self.schema.types.get(named), selection) {
            (Some(ExtendedType::Enum(e)), _) => match value.as_str() {
                Some(v) if e.values.contains_key(v) => {
                    write_string(out, v);
                    false
                }
                _ => {
                    self.invalid(format!(
                        "subgraph value {value} is not a value of enum `{named}`"
                    ));
                    out.extend_from_slice(b"null");
                    true
                }
            },
            (
                Some(ExtendedType::Object(_) | ExtendedType::Interface(_) | ExtendedType::Union(_)),
                Some(sub),
            ) => {
                let Data::Object(object) = value else {
                    self.invalid(format!("expected an object of type `{named}`"));
                    out.extend_from_slice(b"null");
                    return true;
                };
                let typename = self.runtime_type(named, object);
                if !self.schema.types.contains_key(typename) || !self.applies(Some(named), typename)
                {
                    self.invalid(format!("subgraph returned type `{typename}`, which is not a `{named}` of the API schema"));
                    out.extend_from_slice(b"null");
                    return true;
                }
                let start = out.len();
                if self.object(sub, typename, object, out).is_err() {
                    out.truncate(start);
                    out.extend_from_slice(b"null");
                    return true;
                }
                false
            }
            _ => {
                // Scalars pass through as the subgraph sent them.
                write::value(out, value);
                false
            }
        }
    }

    fn is_object_type(&self, typename: &str) -> bool {
        matches!(
            self.schema.types.get(typename),
            Some(ExtendedType::Object(_))
        )
    }

    /// `__typename` asked of an object whose concrete type is unknown: it still carries the
    /// interface's name an `@interfaceObject` subgraph gave it, because the subgraph that
    /// resolves the concrete type failed or did not find it. No object type can be answered,
    /// so the object is null (as Apollo Router does); the error is the failed fetch's, or
    /// this one when nothing failed.
    fn unresolved_typename(&mut self, typename: &str, key: &Name) {
        self.path.push(PathStep::Key(key.clone()));
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
        self.path.iter().map(PathStep::to_item).collect()
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

/// The specification's scalars: reserved names, so never an enum or an object type.
fn is_built_in_scalar(name: &str) -> bool {
    matches!(name, "String" | "ID" | "Int" | "Float" | "Boolean")
}

/// Writes a JSON string with serde_json's escaping.
fn write_string(out: &mut Vec<u8>, text: &str) {
    write::string(out, text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shaped_text_becomes_a_raw_value_without_a_copy() {
        let json = r#"{"a":[1,"x",null,{"b":true}]}"#;
        let mut text = String::with_capacity(json.len());
        text.push_str(json);
        let at = text.as_ptr();
        let raw = verbatim(text);
        assert_eq!((raw.get(), raw.get().as_ptr()), (json, at));
    }
}

//! Builds `_entities` representations from the objects a fetch's path points at: [`write`]
//! writes one straight to JSON text (what is sent, and the key it is deduplicated by);
//! [`project`] builds it as an object, for the rare selection that names a field twice.

use crate::data::{Data, Object, write};
use crate::plan::AbstractCondition;
use crate::selection::{Selection, SelectionSet};

/// Projects `object` onto a representation selection (`__typename`, key and required fields).
/// `None` when a key or required field is missing or null: such an entity cannot be fetched.
/// A type condition applies to an object of that type, or of a type `conditions` lists under
/// it (an interface's implementations, a union's members).
pub(crate) fn project(
    object: &Object,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
) -> Option<Object> {
    let mut out = Object::with_capacity(selection.items.len() + 1);
    project_into(object, selection, conditions, &mut out)?;
    Some(out)
}

fn project_into(
    object: &Object,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
    out: &mut Object,
) -> Option<()> {
    for item in &selection.items {
        match item {
            Selection::Field(field) => {
                let value = object.get(field.response_key().as_str())?;
                let projected = match (&field.selection_set, value) {
                    (_, Data::Null) if field.ty.is_non_null() => return None,
                    (Some(sub), value) => project_value(value, sub, conditions)?,
                    (None, value) => value.clone(),
                };
                out.insert(field.name.as_str(), projected);
            }
            Selection::InlineFragment(inline) => {
                let condition = inline.type_condition.as_ref().map(|name| name.as_str());
                if applies(object, condition, conditions) {
                    project_into(object, &inline.selection_set, conditions, out)?;
                }
            }
        }
    }
    Some(())
}

/// Whether a fragment with type condition `condition` applies to `object`: it is of that
/// type, or of a type `conditions` lists under it (an interface's implementations, a union's
/// members).
fn applies(object: &Object, condition: Option<&str>, conditions: &[AbstractCondition]) -> bool {
    let Some(condition) = condition else {
        return true;
    };
    object
        .get("__typename")
        .and_then(Data::as_str)
        .is_some_and(|typename| {
            typename == condition
                || conditions.iter().any(|c| {
                    c.type_name == condition && c.object_types.iter().any(|t| t == typename)
                })
        })
}

fn project_value(
    value: &Data,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
) -> Option<Data> {
    match value {
        Data::Null => Some(Data::Null),
        Data::List(items) => items
            .iter()
            .map(|v| project_value(v, selection, conditions))
            .collect::<Option<Vec<_>>>()
            .map(Data::List),
        Data::Object(object) => project(object, selection, conditions).map(Data::Object),
        other => Some(other.clone()),
    }
}

/// What [`write`] found.
pub(crate) enum Written {
    /// The representation's JSON text is in the buffer.
    Text,
    /// A key or required field is missing or null: the entity cannot be fetched.
    Missing,
    /// The selection names a field twice on one level, where the later value replaces the
    /// earlier in place: the caller builds it with [`project`] instead.
    Repeated,
}

/// Writes the representation of `object` (its projection onto `selection`, with `__typename`
/// set to `typename`, as [`project`] then `insert` would build it) straight into `out` as JSON
/// text, without building the object first. On anything but [`Written::Text`] the buffer
/// holds nothing meaningful.
pub(crate) fn write(
    object: &Object,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
    typename: &str,
    out: &mut Vec<u8>,
) -> Written {
    let mut writer = Writer {
        conditions,
        names: Vec::new(),
        out,
    };
    writer.out.push(b'{');
    let result = writer.level(object, selection, Some(typename), 0);
    let typename_written = writer.names.contains(&"__typename");
    let out = writer.out;
    match result {
        Err(stop) => stop,
        Ok(()) => {
            if !typename_written {
                if out.len() > 1 {
                    out.push(b',');
                }
                out.extend_from_slice(b"\"__typename\":");
                write::string(out, typename);
            }
            out.push(b'}');
            Written::Text
        }
    }
}

struct Writer<'s, 'o> {
    conditions: &'s [AbstractCondition],
    /// The names written on the levels being written, innermost last.
    names: Vec<&'s str>,
    out: &'o mut Vec<u8>,
}

impl<'s> Writer<'s, '_> {
    /// Writes the fields of one level, whose names start at `names[level]` (the caller wrote
    /// `{` and writes `}`). `typename`: the top level's `__typename` to write in place of the
    /// object's own.
    fn level(
        &mut self,
        object: &Object,
        selection: &'s SelectionSet,
        typename: Option<&str>,
        level: usize,
    ) -> Result<(), Written> {
        for item in &selection.items {
            match item {
                Selection::Field(field) => {
                    let name = field.name.as_str();
                    if self.names[level..].contains(&name) {
                        return Err(Written::Repeated);
                    }
                    let value = object
                        .get(field.response_key().as_str())
                        .ok_or(Written::Missing)?;
                    if value.is_null() && field.ty.is_non_null() {
                        return Err(Written::Missing);
                    }
                    if self.names.len() > level {
                        self.out.push(b',');
                    }
                    self.names.push(name);
                    write::string(self.out, name);
                    self.out.push(b':');
                    match (typename, &field.selection_set) {
                        (Some(typename), _) if name == "__typename" => {
                            write::string(self.out, typename)
                        }
                        (_, Some(sub)) => self.value(value, sub)?,
                        (_, None) => write::value(self.out, value),
                    }
                }
                Selection::InlineFragment(inline) => {
                    if applies(
                        object,
                        inline.type_condition.as_ref().map(|name| name.as_str()),
                        self.conditions,
                    ) {
                        self.level(object, &inline.selection_set, typename, level)?;
                    }
                }
            }
        }
        Ok(())
    }

    fn value(&mut self, value: &Data, selection: &'s SelectionSet) -> Result<(), Written> {
        match value {
            Data::List(items) => {
                self.out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        self.out.push(b',');
                    }
                    self.value(item, selection)?;
                }
                self.out.push(b']');
            }
            Data::Object(object) => {
                self.out.push(b'{');
                let level = self.names.len();
                self.level(object, selection, None, level)?;
                self.names.truncate(level);
                self.out.push(b'}');
            }
            other => write::value(self.out, other),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::selection::{Field, InlineFragment};
    use apollo_compiler::Name;
    use apollo_compiler::ast::Type;
    use serde_json::json;

    fn field(name: &str, ty: Type, sub: Option<Vec<Selection>>) -> Selection {
        Selection::Field(Field {
            alias: None,
            name: Name::new(name).expect("a name"),
            arguments: Vec::new(),
            ty,
            selection_set: sub.map(|items| SelectionSet { items }),
        })
    }

    fn leaf(name: &str) -> Selection {
        field(
            name,
            Type::Named(Name::new("String").expect("a name")),
            None,
        )
    }

    fn non_null(name: &str) -> Selection {
        field(
            name,
            Type::NonNullNamed(Name::new("ID").expect("a name")),
            None,
        )
    }

    fn on(condition: &str, items: Vec<Selection>) -> Selection {
        Selection::InlineFragment(InlineFragment {
            type_condition: Some(Name::new(condition).expect("a name")),
            selection_set: SelectionSet { items },
            defer: None,
        })
    }

    /// What [`write`] wrote, next to what projecting then writing the object gives.
    fn both(
        object: serde_json::Value,
        items: Vec<Selection>,
        conditions: &[AbstractCondition],
        typename: &str,
    ) -> (Option<String>, Option<String>) {
        let data = Data::from(object);
        let object = data.as_object().expect("an object");
        let selection = SelectionSet { items };
        let mut text = Vec::new();
        let written = match write(object, &selection, conditions, typename, &mut text) {
            Written::Text => Some(String::from_utf8(text).expect("UTF-8")),
            Written::Missing => None,
            Written::Repeated => Some("repeated".to_string()),
        };
        let projected = project(object, &selection, conditions).map(|mut projected| {
            projected.insert("__typename", Data::String(typename.into()));
            let mut text = Vec::new();
            crate::data::write::value(&mut text, &Data::Object(projected));
            String::from_utf8(text).expect("UTF-8")
        });
        (written, projected)
    }

    #[test]
    fn written_text_is_the_projected_object_written() {
        let book = json!({
            "__typename": "Book", "id": "b1", "isbn": "9\"7", "sku": "s",
            "dims": [{"size": 1, "weight": null, "unit": "kg"}, null], "title": "not asked"
        });
        let dims = field(
            "dims",
            Type::List(Box::new(Type::Named(Name::new("Dims").expect("a name")))),
            Some(vec![leaf("size"), leaf("weight")]),
        );
        let product = [AbstractCondition {
            type_name: "Product".into(),
            object_types: vec!["Book".into()],
        }];
        let cases: Vec<(Vec<Selection>, &[AbstractCondition], &str)> = vec![
            // __typename in place, given the sent name rather than the object's.
            (vec![leaf("__typename"), non_null("id")], &[], "Product"),
            // No __typename selected: appended last.
            (vec![non_null("id"), dims.clone()], &[], "Book"),
            (
                vec![
                    non_null("id"),
                    on("Book", vec![leaf("isbn")]),
                    on("Magazine", vec![leaf("issue")]),
                ],
                &[],
                "Book",
            ),
            (
                vec![
                    leaf("__typename"),
                    non_null("id"),
                    on("Product", vec![leaf("sku")]),
                ],
                &product,
                "Book",
            ),
            (
                vec![on("Book", vec![leaf("__typename"), non_null("id")])],
                &[],
                "Book",
            ),
        ];
        for (items, conditions, typename) in cases {
            let (written, projected) = both(book.clone(), items, conditions, typename);
            assert!(written.is_some());
            assert_eq!(written, projected);
        }
    }

    #[test]
    fn a_missing_or_null_key_field_leaves_the_object_out_as_before() {
        let object = json!({"__typename": "Book", "id": null, "sku": "s"});
        assert_eq!(
            both(object.clone(), vec![non_null("id")], &[], "Book"),
            (None, None)
        );
        assert_eq!(both(object, vec![leaf("isbn")], &[], "Book"), (None, None));
    }

    #[test]
    fn a_field_named_twice_on_one_level_is_left_to_project() {
        let object = json!({"__typename": "Book", "id": "b1"});
        let (written, projected) = both(
            object,
            vec![non_null("id"), on("Book", vec![non_null("id")])],
            &[],
            "Book",
        );
        assert_eq!(written.as_deref(), Some("repeated"));
        assert_eq!(
            projected.as_deref(),
            Some(r#"{"id":"b1","__typename":"Book"}"#)
        );
    }
}

//! Builds `_entities` representations from the objects a fetch's path points at.

use crate::data::{Data, Object};
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
                let applies =
                    match &inline.type_condition {
                        None => true,
                        Some(condition) => object
                            .get("__typename")
                            .and_then(Data::as_str)
                            .is_some_and(|typename| {
                                typename == condition.as_str()
                                    || conditions.iter().any(|c| {
                                        c.type_name == condition.as_str()
                                            && c.object_types.iter().any(|t| t == typename)
                                    })
                            }),
                    };
                if applies {
                    project_into(object, &inline.selection_set, conditions, out)?;
                }
            }
        }
    }
    Some(())
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

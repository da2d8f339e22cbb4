//! Builds `_entities` representations from the objects a fetch's path points at.

use crate::plan::AbstractCondition;
use crate::selection::{Selection, SelectionSet};
use serde_json::{Map, Value};

/// Projects `object` onto a representation selection (`__typename`, key and required fields).
/// `None` when a key or required field is missing or null: such an entity cannot be fetched.
/// A type condition applies to an object of that type, or of a type `conditions` lists under
/// it (an interface's implementations, a union's members).
pub(crate) fn project(
    object: &Map<String, Value>,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
) -> Option<Map<String, Value>> {
    let mut out = Map::new();
    project_into(object, selection, conditions, &mut out)?;
    Some(out)
}

fn project_into(
    object: &Map<String, Value>,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
    out: &mut Map<String, Value>,
) -> Option<()> {
    for item in &selection.items {
        match item {
            Selection::Field(field) => {
                let value = object.get(field.response_key().as_str())?;
                let projected = match (&field.selection_set, value) {
                    (_, Value::Null) if field.ty.is_non_null() => return None,
                    (Some(sub), value) => project_value(value, sub, conditions)?,
                    (None, value) => value.clone(),
                };
                out.insert(field.name.to_string(), projected);
            }
            Selection::InlineFragment(inline) => {
                let applies = match &inline.type_condition {
                    None => true,
                    Some(condition) => object
                        .get("__typename")
                        .and_then(Value::as_str)
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
    value: &Value,
    selection: &SelectionSet,
    conditions: &[AbstractCondition],
) -> Option<Value> {
    match value {
        Value::Null => Some(Value::Null),
        Value::Array(items) => items
            .iter()
            .map(|v| project_value(v, selection, conditions))
            .collect::<Option<Vec<_>>>()
            .map(Value::Array),
        Value::Object(object) => project(object, selection, conditions).map(Value::Object),
        other => Some(other.clone()),
    }
}

//! Context arguments of entity fetches (`@fromContext`): each entity's value is read on its
//! nearest ancestor in the response whose type sets the context.

use super::paths::value_at;
use super::representation;
use crate::data::Data;
use crate::error::PathItem;
use crate::plan::ContextArgument;
use serde_json::{Map, Value};

/// The values of `arguments` for the object at `object_path`, as variables. An argument no
/// ancestor sets is null.
pub(crate) fn variables_for(
    data: &Data,
    object_path: &[PathItem],
    arguments: &[ContextArgument],
) -> Map<String, Value> {
    arguments
        .iter()
        .map(|argument| {
            let value = (0..object_path.len())
                .rev()
                .find_map(|end| value_from(value_at(data, &object_path[..end])?, argument))
                .unwrap_or(Value::Null);
            (argument.variable.clone(), value)
        })
        .collect()
}

/// The context value `object` sets, when its type sets the context.
fn value_from(object: &Data, argument: &ContextArgument) -> Option<Value> {
    let object = object.as_object()?;
    let typename = object.get("__typename")?.as_str()?;
    let source = argument
        .sources
        .iter()
        .find(|s| s.runtime_types.iter().any(|t| t == typename))?;
    let projected = representation::project(object, &source.selection, &[]).unwrap_or_default();
    Some(match projected.len() {
        0 => Value::Null,
        1 => projected
            .iter()
            .next()
            .map_or(Value::Null, |(_, value)| value.to_json()),
        _ => Value::Object(projected.to_json()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ContextSource;
    use crate::selection::{Field, Selection, SelectionSet};
    use apollo_compiler::ast::Type;
    use apollo_compiler::name;
    use serde_json::json;

    fn argument() -> ContextArgument {
        let field = Field {
            alias: Some(name!("_context_currency")),
            name: name!("currency"),
            arguments: Vec::new(),
            ty: Type::Named(name!("String")),
            selection_set: None,
        };
        ContextArgument {
            variable: "contextualArgument_1_0".into(),
            sources: vec![ContextSource {
                type_name: "Shop".into(),
                runtime_types: vec!["Shop".into()],
                selection: SelectionSet {
                    items: vec![Selection::Field(field)],
                },
            }],
        }
    }

    #[test]
    fn the_nearest_ancestor_of_a_context_type_gives_the_value() {
        let data = Data::from(
            json!({"shop": {"__typename": "Shop", "_context_currency": "EUR",
            "aisles": [{"__typename": "Shop", "_context_currency": "USD",
                "items": [{"__typename": "Item", "id": "1"}]}]}}),
        );
        let path = [
            PathItem::Key("shop".into()),
            PathItem::Key("aisles".into()),
            PathItem::Index(0),
            PathItem::Key("items".into()),
            PathItem::Index(0),
        ];
        assert_eq!(
            variables_for(&data, &path, &[argument()]),
            json!({"contextualArgument_1_0": "USD"})
                .as_object()
                .cloned()
                .unwrap_or_default()
        );
        let path = [PathItem::Key("shop".into()), PathItem::Key("x".into())];
        let no_ancestor = Data::from(json!({"shop": {"__typename": "Other"}}));
        assert_eq!(
            variables_for(&no_ancestor, &path, &[argument()]),
            json!({"contextualArgument_1_0": null})
                .as_object()
                .cloned()
                .unwrap_or_default()
        );
    }
}

//! Renames a subgraph response's internal aliases (see `plan::aliases`) back to the response
//! keys the rest of the pipeline expects.

use crate::data::{Data, Object};
use crate::error::{GraphqlError, PathItem};
use crate::plan::aliases::original_key;

/// Renames every internally aliased key of `value`, at every depth. An object that also has
/// the original key (the same field selected through another fragment) keeps both merged.
pub(super) fn restore(value: &mut Data) {
    match value {
        Data::Object(map) => {
            let aliased: Vec<String> = map
                .keys()
                .filter(|k| original_key(k.as_str()).is_some())
                .map(|k| k.as_str().to_string())
                .collect();
            for alias in aliased {
                let Some(mut moved) = map.remove(&alias) else {
                    continue;
                };
                restore(&mut moved);
                let key = original_key(&alias).unwrap_or(&alias);
                match map.get_mut(key) {
                    Some(existing) => merge(existing, moved),
                    None => {
                        map.insert(key, moved);
                    }
                }
            }
            for child in map.values_mut() {
                restore(child);
            }
        }
        Data::List(items) => items.iter_mut().for_each(restore),
        _ => {}
    }
}

/// Renames internal aliases in an error's path, when the fetch used any (`aliased`).
pub(super) fn restore_path(mut error: GraphqlError, aliased: bool) -> GraphqlError {
    if !aliased {
        return error;
    }
    if let Some(path) = &mut error.path {
        for step in path.iter_mut() {
            if let PathItem::Key(key) = step
                && let Some(original) = original_key(key)
            {
                *key = original.to_string();
            }
        }
    }
    error
}

fn merge(into: &mut Data, from: Data) {
    match (into, from) {
        (Data::Object(into), Data::Object(from)) => merge_maps(into, from),
        (Data::List(into), Data::List(from)) if into.len() == from.len() => {
            for (a, b) in into.iter_mut().zip(from) {
                merge(a, b);
            }
        }
        (into, from) => {
            if into.is_null() {
                *into = from;
            }
        }
    }
}

fn merge_maps(into: &mut Object, from: Object) {
    for (key, value) in from {
        match into.get_mut(key.as_str()) {
            Some(existing) => merge(existing, value),
            None => {
                into.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::restore;
    use crate::data::Data;
    use serde_json::json;

    #[test]
    fn aliased_keys_get_their_names_back_at_every_depth() {
        let mut value = Data::from(json!({"accounts": [
            {"__typename": "User", "id": "u1"},
            {"__typename": "Admin", "_qa1_id": "a1", "similar": [{"_qa1_id": "a2"}]}
        ]}));
        restore(&mut value);
        assert_eq!(
            value.to_json(),
            json!({"accounts": [
                {"__typename": "User", "id": "u1"},
                {"__typename": "Admin", "id": "a1", "similar": [{"id": "a2"}]}
            ]})
        );
    }

    #[test]
    fn an_alias_next_to_its_key_is_merged_into_it() {
        let mut value = Data::from(json!({"a": {"x": 1}, "_qa1_a": {"y": 2}}));
        restore(&mut value);
        assert_eq!(value.to_json(), json!({"a": {"x": 1, "y": 2}}));
    }
}

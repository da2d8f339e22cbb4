//! Finding objects in the response by a plan path, and merging fetched data into them.

use crate::error::PathItem;
use crate::plan::PathSegment;
use serde_json::Value;

/// Every object at `path`, with its concrete response path (list indexes filled in).
pub(crate) fn objects_at<'a>(
    data: &'a Value,
    path: &[PathSegment],
) -> Vec<(Vec<PathItem>, &'a Value)> {
    let mut out = Vec::new();
    let mut current = Vec::new();
    walk(data, path, &mut current, &mut out);
    out
}

fn walk<'a>(
    value: &'a Value,
    path: &[PathSegment],
    current: &mut Vec<PathItem>,
    out: &mut Vec<(Vec<PathItem>, &'a Value)>,
) {
    if let Value::Array(items) = value {
        for (i, item) in items.iter().enumerate() {
            current.push(PathItem::Index(i));
            walk(item, path, current, out);
            current.pop();
        }
        return;
    }
    let Value::Object(object) = value else { return };
    match path.split_first() {
        None => out.push((current.clone(), value)),
        Some((PathSegment::List, rest)) => walk(value, rest, current, out),
        Some((PathSegment::TypeCondition(types), rest)) => {
            let typename = object.get("__typename").and_then(Value::as_str);
            if typename.is_some_and(|t| types.iter().any(|c| c == t)) {
                walk(value, rest, current, out);
            }
        }
        Some((PathSegment::Key(key), rest)) => {
            if let Some(child) = object.get(key) {
                current.push(PathItem::Key(key.clone()));
                walk(child, rest, current, out);
                current.pop();
            }
        }
    }
}

/// The value at a concrete response path, for writing.
pub(crate) fn value_at_mut<'a>(data: &'a mut Value, path: &[PathItem]) -> Option<&'a mut Value> {
    let mut current = data;
    for item in path {
        current = match item {
            PathItem::Key(key) => current.as_object_mut()?.get_mut(key)?,
            PathItem::Index(i) => current.as_array_mut()?.get_mut(*i)?,
        };
    }
    Some(current)
}

/// Deep-merges `source` into `target`: objects key by key, lists element by element by
/// position (the longer list's extra items kept, as Apollo Router does: two subgraphs that
/// disagree on a shareable list's length must not lose each other's fields); a null never
/// erases data another fetch already put there.
pub fn deep_merge(target: &mut Value, source: Value) {
    match (target, source) {
        (Value::Object(target), Value::Object(source)) => {
            for (key, value) in source {
                match target.get_mut(&key) {
                    Some(existing) => deep_merge(existing, value),
                    None => {
                        target.insert(key, value);
                    }
                }
            }
        }
        (Value::Array(target), Value::Array(source)) => {
            let mut source = source.into_iter();
            for (t, s) in target.iter_mut().zip(source.by_ref()) {
                deep_merge(t, s);
            }
            target.extend(source);
        }
        (_, Value::Null) => {}
        (target, source) => *target = source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_objects_through_lists_and_type_conditions() {
        let data = json!({"a": [{"__typename": "X", "b": {"id": 1}}, {"__typename": "Y", "b": {"id": 2}}]});
        let path = vec![
            PathSegment::Key("a".into()),
            PathSegment::List,
            PathSegment::TypeCondition(vec!["Y".into()]),
            PathSegment::Key("b".into()),
        ];
        let found = objects_at(&data, &path);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].0,
            vec![
                PathItem::Key("a".into()),
                PathItem::Index(1),
                PathItem::Key("b".into())
            ]
        );
        assert_eq!(found[0].1, &json!({"id": 2}));
    }

    #[test]
    fn lists_of_different_lengths_merge_by_position_and_keep_the_extra_items() {
        let mut longer = json!([{"n": "a"}, {"n": "b"}, {"n": "c"}]);
        deep_merge(&mut longer, json!([{"p": 1}, {"p": 2}]));
        assert_eq!(
            longer,
            json!([{"n": "a", "p": 1}, {"n": "b", "p": 2}, {"n": "c"}])
        );
        let mut shorter = json!([{"p": 1}]);
        deep_merge(&mut shorter, json!([{"n": "a"}, {"n": "b"}]));
        assert_eq!(shorter, json!([{"p": 1, "n": "a"}, {"n": "b"}]));
    }

    #[test]
    fn merge_keeps_existing_data_against_null() {
        let mut target = json!({"a": {"x": 1}, "l": [{"p": 1}]});
        deep_merge(&mut target, json!({"a": null, "l": [{"q": 2}], "n": 3}));
        assert_eq!(
            target,
            json!({"a": {"x": 1}, "l": [{"p": 1, "q": 2}], "n": 3})
        );
    }
}

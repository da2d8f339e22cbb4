//! Finding objects in the response by a plan path, and merging fetched data into them.
//!
//! An object found for an entity fetch is remembered by its list positions only (the indexes
//! taken at each list on the way, [`positions_at`]): with the plan's path they lead back to it
//! ([`object_at_mut`]) without a concrete path of strings per object. The concrete path is
//! built only when an error or a context argument needs it ([`concrete_path`]).

use crate::data::Data;
use crate::error::PathItem;
use crate::plan::PathSegment;

/// Every object at `path`, with its concrete response path (list indexes filled in).
pub(crate) fn objects_at<'a>(
    data: &'a Data,
    path: &[PathSegment],
) -> Vec<(Vec<PathItem>, &'a Data)> {
    let mut out = Vec::new();
    positions_at(data, path, &mut Vec::new(), &mut |positions, object| {
        out.push((
            concrete_path(data, path, positions).unwrap_or_default(),
            object,
        ));
    });
    out
}

/// Calls `found` for every object at `path` with the list positions that lead to it.
pub(crate) fn positions_at<'a>(
    value: &'a Data,
    path: &[PathSegment],
    positions: &mut Vec<u32>,
    found: &mut impl FnMut(&[u32], &'a Data),
) {
    match value {
        Data::List(items) => {
            for (i, item) in items.iter().enumerate() {
                positions.push(u32::try_from(i).unwrap_or(u32::MAX));
                positions_at(item, path, positions, found);
                positions.pop();
            }
        }
        Data::Object(object) => match path.split_first() {
            None => found(positions, value),
            Some((PathSegment::List, rest)) => positions_at(value, rest, positions, found),
            Some((PathSegment::TypeCondition(types), rest)) => {
                let typename = object.get("__typename").and_then(Data::as_str);
                if typename.is_some_and(|t| types.iter().any(|c| c == t)) {
                    positions_at(value, rest, positions, found);
                }
            }
            Some((PathSegment::Key(key), rest)) => {
                if let Some(child) = object.get(key) {
                    positions_at(child, rest, positions, found);
                }
            }
        },
        _ => {}
    }
}

/// The object [`positions_at`] found at `positions`, for writing.
pub(crate) fn object_at_mut<'a>(
    data: &'a mut Data,
    path: &[PathSegment],
    positions: &[u32],
) -> Option<&'a mut Data> {
    let mut current = data;
    let mut path = path;
    let mut positions = positions.iter();
    loop {
        if let Data::List(items) = current {
            let index = usize::try_from(*positions.next()?).ok()?;
            current = items.get_mut(index)?;
            continue;
        }
        match path.split_first() {
            None => return Some(current),
            Some((PathSegment::Key(key), rest)) => {
                current = current.as_object_mut()?.get_mut(key)?;
                path = rest;
            }
            Some((_, rest)) => path = rest,
        }
    }
}

/// The response path of the object [`positions_at`] found at `positions`.
pub(crate) fn concrete_path(
    data: &Data,
    path: &[PathSegment],
    positions: &[u32],
) -> Option<Vec<PathItem>> {
    let mut out = Vec::new();
    let mut current = data;
    let mut path = path;
    let mut positions = positions.iter();
    loop {
        if let Data::List(items) = current {
            let index = usize::try_from(*positions.next()?).ok()?;
            current = items.get(index)?;
            out.push(PathItem::Index(index));
            continue;
        }
        match path.split_first() {
            None => return Some(out),
            Some((PathSegment::Key(key), rest)) => {
                current = current.as_object()?.get(key)?;
                out.push(PathItem::Key(key.clone()));
                path = rest;
            }
            Some((_, rest)) => path = rest,
        }
    }
}

/// The value at a concrete response path.
pub(crate) fn value_at<'a>(data: &'a Data, path: &[PathItem]) -> Option<&'a Data> {
    let mut current = data;
    for item in path {
        current = match item {
            PathItem::Key(key) => current.as_object()?.get(key)?,
            PathItem::Index(i) => current.as_list()?.get(*i)?,
        };
    }
    Some(current)
}

/// Deep-merges `source` into `target`: objects key by key, lists element by element by
/// position (the longer list's extra items kept, as Apollo Router does: two subgraphs that
/// disagree on a shareable list's length must not lose each other's fields); a null never
/// erases data another fetch already put there.
pub fn deep_merge(target: &mut Data, source: Data) {
    match (target, source) {
        (Data::Object(target), Data::Object(source)) => {
            let mut source = source.into_iter();
            while let Some((key, value)) = source.next() {
                match target.get_mut(key.as_str()) {
                    Some(existing) => deep_merge(existing, value),
                    None => target.push_before(key, value, source.len()),
                }
            }
        }
        (Data::List(target), Data::List(source)) => {
            let mut source = source.into_iter();
            for (t, s) in target.iter_mut().zip(source.by_ref()) {
                deep_merge(t, s);
            }
            target.extend(source);
        }
        (_, Data::Null) => {}
        (target, source) => *target = source,
    }
}

/// [`deep_merge`] from a borrowed source, cloning only what the target takes: an entity that
/// several objects share is merged into each without a copy of it per object. At the top,
/// `skip_key` (if any) is left out.
pub(crate) fn deep_merge_from(target: &mut Data, source: &Data, skip_key: Option<&str>) {
    match (target, source) {
        (Data::Object(target), Data::Object(source)) => {
            let mut source = source.iter();
            while let Some((key, value)) = source.next() {
                if skip_key == Some(key.as_str()) {
                    continue;
                }
                match target.get_mut(key.as_str()) {
                    Some(existing) => deep_merge_from(existing, value, None),
                    None => target.push_before(key.clone(), value.clone(), source.len()),
                }
            }
        }
        (Data::List(target), Data::List(source)) => {
            for (t, s) in target.iter_mut().zip(source) {
                deep_merge_from(t, s, None);
            }
            if let Some(extra) = source.get(target.len()..) {
                target.extend_from_slice(extra);
            }
        }
        (_, Data::Null) => {}
        (target, source) => *target = source.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn data(value: serde_json::Value) -> Data {
        Data::from(value)
    }

    #[test]
    fn finds_objects_through_lists_and_type_conditions() {
        let data = data(
            json!({"a": [{"__typename": "X", "b": {"id": 1}}, {"__typename": "Y", "b": {"id": 2}}]}),
        );
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
        assert_eq!(found[0].1, &Data::from(json!({"id": 2})));
    }

    #[test]
    fn positions_lead_back_to_the_object_through_nested_lists() {
        let mut tree =
            data(json!({"a": [[{"b": {"id": 1}}], [{"b": {"id": 2}}, {"b": {"id": 3}}]]}));
        let path = vec![
            PathSegment::Key("a".into()),
            PathSegment::List,
            PathSegment::Key("b".into()),
        ];
        let mut found = Vec::new();
        positions_at(&tree, &path, &mut Vec::new(), &mut |positions, object| {
            found.push((positions.to_vec(), object.clone()));
        });
        assert_eq!(found.len(), 3);
        assert_eq!(found[2].0, vec![1, 1]);
        assert_eq!(
            concrete_path(&tree, &path, &found[2].0),
            Some(vec![
                PathItem::Key("a".into()),
                PathItem::Index(1),
                PathItem::Index(1),
                PathItem::Key("b".into())
            ])
        );
        let object = object_at_mut(&mut tree, &path, &found[2].0).expect("found again");
        assert_eq!(object, &data(json!({"id": 3})));
    }

    #[test]
    fn lists_of_different_lengths_merge_by_position_and_keep_the_extra_items() {
        let mut longer = data(json!([{"n": "a"}, {"n": "b"}, {"n": "c"}]));
        deep_merge(&mut longer, data(json!([{"p": 1}, {"p": 2}])));
        assert_eq!(
            longer,
            data(json!([{"n": "a", "p": 1}, {"n": "b", "p": 2}, {"n": "c"}]))
        );
        let mut shorter = data(json!([{"p": 1}]));
        deep_merge(&mut shorter, data(json!([{"n": "a"}, {"n": "b"}])));
        assert_eq!(shorter, data(json!([{"p": 1, "n": "a"}, {"n": "b"}])));
    }

    #[test]
    fn merging_from_a_reference_gives_what_merging_a_copy_gives() {
        let cases = [
            (
                json!({"a": {"x": 1}, "l": [{"p": 1}]}),
                json!({"a": null, "l": [{"q": 2}], "n": 3}),
            ),
            (
                json!([{"n": "a"}, {"n": "b"}, {"n": "c"}]),
                json!([{"p": 1}, {"p": 2}]),
            ),
            (json!([{"p": 1}]), json!([{"n": "a"}, {"n": "b"}])),
            (
                json!({"id": "1", "s": "x"}),
                json!({"s": {"deep": [1, 2]}, "t": "a long string of more than twenty-two bytes"}),
            ),
            (json!(null), json!({"a": 1})),
            (json!({"a": 1}), json!("replaced")),
        ];
        for (target, source) in cases {
            let mut by_value = data(target.clone());
            deep_merge(&mut by_value, data(source.clone()));
            let mut by_reference = data(target);
            deep_merge_from(&mut by_reference, &data(source), None);
            assert_eq!(by_reference, by_value);
        }
    }

    #[test]
    fn merging_from_a_reference_leaves_out_the_key_it_is_told_to_skip() {
        let mut target = data(json!({"__typename": "Book", "id": "1"}));
        let entity = data(json!({"__typename": "Product", "price": 3}));
        deep_merge_from(&mut target, &entity, Some("__typename"));
        assert_eq!(
            target,
            data(json!({"__typename": "Book", "id": "1", "price": 3}))
        );
    }

    #[test]
    fn merge_keeps_existing_data_against_null() {
        let mut target = data(json!({"a": {"x": 1}, "l": [{"p": 1}]}));
        deep_merge(
            &mut target,
            data(json!({"a": null, "l": [{"q": 2}], "n": 3})),
        );
        assert_eq!(
            target,
            data(json!({"a": {"x": 1}, "l": [{"p": 1, "q": 2}], "n": 3}))
        );
    }
}

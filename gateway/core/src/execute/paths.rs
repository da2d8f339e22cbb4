//! Finding objects in the response by a plan path, and merging fetched data into them.
//!
//! An object found for an entity fetch is remembered by its list positions only (the indexes
//! taken at each list on the way, [`positions_at`]): with the plan's path they lead back to it
//! ([`for_each_target_mut`]) without a concrete path of strings per object. The concrete path is
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
    let mut hints = vec![0; path.len()];
    walk_positions(value, path, &mut hints, positions, found);
}

/// [`positions_at`] with, per step of the path, the index its key or `__typename` was last
/// found at (see [`Object::get_hinted`](crate::data::Object::get_hinted)).
fn walk_positions<'a>(
    value: &'a Data,
    path: &[PathSegment],
    hints: &mut [usize],
    positions: &mut Vec<u32>,
    found: &mut impl FnMut(&[u32], &'a Data),
) {
    match value {
        Data::List(items) => {
            for (i, item) in items.iter().enumerate() {
                positions.push(u32::try_from(i).unwrap_or(u32::MAX));
                walk_positions(item, path, hints, positions, found);
                positions.pop();
            }
        }
        Data::Object(object) => {
            let Some((step, rest)) = path.split_first() else {
                found(positions, value);
                return;
            };
            // One hint per step: `hints` is as long as the path (see positions_at).
            let [hint, rest_hints @ ..] = hints else {
                return;
            };
            match step {
                PathSegment::List => walk_positions(value, rest, rest_hints, positions, found),
                PathSegment::TypeCondition(types) => {
                    let typename = object.get_hinted("__typename", hint).and_then(Data::as_str);
                    if typename.is_some_and(|t| types.iter().any(|c| c == t)) {
                        walk_positions(value, rest, rest_hints, positions, found);
                    }
                }
                PathSegment::Key(key) => {
                    if let Some(child) = object.get_hinted(key, hint) {
                        walk_positions(child, rest, rest_hints, positions, found);
                    }
                }
            }
        }
        _ => {}
    }
}

/// Calls `found(i, object)` for the object [`positions_at`] found at each `targets[i]`, for
/// writing, in the order given. The path is walked once for all targets, not once per target
/// from the root: targets sharing a list item are taken down it together, so each object on
/// the way is looked up once however many targets lie below it (the deep query's innermost
/// fetches have hundreds of targets nine levels down). Targets in the order [`positions_at`]
/// found them share their prefixes in runs; any other order is still served, only with more
/// walking. A target whose positions no longer lead to an object is skipped.
pub(crate) fn for_each_target_mut(
    data: &mut Data,
    path: &[PathSegment],
    targets: &[&[u32]],
    found: &mut impl FnMut(usize, &mut Data),
) {
    let mut hints = vec![0; path.len()];
    walk_targets_mut(data, path, &mut hints, 0, targets, 0, found);
}

/// [`for_each_target_mut`] below `value`, `depth` lists down, with a key hint per step of
/// `path` (as [`walk_positions`]). `targets` is a run of the caller's targets starting at
/// index `first`: groups are always contiguous runs, so an offset numbers them.
fn walk_targets_mut(
    value: &mut Data,
    path: &[PathSegment],
    hints: &mut [usize],
    depth: usize,
    targets: &[&[u32]],
    first: usize,
    found: &mut impl FnMut(usize, &mut Data),
) {
    if let Data::List(items) = value {
        let mut start = 0;
        while let Some(leader) = targets.get(start) {
            let index = leader.get(depth).copied();
            let run = targets[start..]
                .iter()
                .position(|positions| positions.get(depth).copied() != index)
                .unwrap_or(targets.len() - start);
            let group = &targets[start..start + run];
            let item = index
                .and_then(|i| usize::try_from(i).ok())
                .and_then(|i| items.get_mut(i));
            if let Some(item) = item {
                walk_targets_mut(item, path, hints, depth + 1, group, first + start, found);
            }
            start += run;
        }
        return;
    }
    let Some((step, rest)) = path.split_first() else {
        for i in 0..targets.len() {
            found(first + i, value);
        }
        return;
    };
    let [hint, rest_hints @ ..] = hints else {
        return;
    };
    match step {
        PathSegment::Key(key) => {
            let child = value
                .as_object_mut()
                .and_then(|o| o.get_mut_hinted(key, hint));
            if let Some(child) = child {
                walk_targets_mut(child, rest, rest_hints, depth, targets, first, found);
            }
        }
        _ => walk_targets_mut(value, rest, rest_hints, depth, targets, first, found),
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
                match target.get_mut_by_key(&key) {
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
                if skip_key.is_some_and(|skip| key.as_bytes() == skip.as_bytes()) {
                    continue;
                }
                match target.get_mut_by_key(key) {
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
        let mut again = Vec::new();
        for_each_target_mut(&mut tree, &path, &[&found[2].0], &mut |i, object| {
            again.push((i, object.clone()));
        });
        assert_eq!(again, vec![(0, data(json!({"id": 3})))]);
    }

    #[test]
    fn every_target_is_reached_once_in_the_order_given_whatever_the_order() {
        let mut tree = data(json!({"a": [
            {"__typename": "X", "b": [{"id": 1}, {"id": 2}]},
            {"__typename": "Y", "b": [{"id": 3}]},
            {"__typename": "X", "b": []},
            {"__typename": "X", "b": [{"id": 4}, {"id": 5}]}
        ]}));
        let path = vec![
            PathSegment::Key("a".into()),
            PathSegment::List,
            PathSegment::TypeCondition(vec!["X".into(), "Y".into()]),
            PathSegment::Key("b".into()),
            PathSegment::List,
        ];
        let mut found: Vec<Vec<u32>> = Vec::new();
        positions_at(&tree, &path, &mut Vec::new(), &mut |positions, _| {
            found.push(positions.to_vec());
        });
        assert_eq!(
            found,
            vec![vec![0, 0], vec![0, 1], vec![1, 0], vec![3, 0], vec![3, 1]]
        );
        // A subset in the found order, then one out of order, one repeated, one gone.
        let targets: Vec<&[u32]> = vec![&[0, 1], &[1, 0], &[3, 1], &[0, 0], &[3, 1], &[2, 0], &[9]];
        let mut reached = Vec::new();
        for_each_target_mut(&mut tree, &path, &targets, &mut |i, object| {
            if let Data::Object(fields) = object {
                fields.insert("seen", Data::from(json!(i)));
            }
            reached.push((i, object.get("id").cloned()));
        });
        let id = |n: i64| Some(Data::from(json!(n)));
        assert_eq!(
            reached,
            vec![(0, id(2)), (1, id(3)), (2, id(5)), (3, id(1)), (4, id(5))]
        );
        assert_eq!(
            tree,
            data(json!({"a": [
                {"__typename": "X", "b": [{"id": 1, "seen": 3}, {"id": 2, "seen": 0}]},
                {"__typename": "Y", "b": [{"id": 3, "seen": 1}]},
                {"__typename": "X", "b": []},
                {"__typename": "X", "b": [{"id": 4}, {"id": 5, "seen": 4}]}
            ]}))
        );
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

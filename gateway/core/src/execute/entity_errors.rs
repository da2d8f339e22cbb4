//! Errors a subgraph reports inside `_entities`, moved to the client's response paths.

use crate::data::Data;
use crate::error::{GraphqlError, PathItem};
use serde_json::Value;

/// Moves an error under `_entities` to the response path of each object its representation
/// came from: `["_entities", 3, "name"]` becomes that object's path, then `name`, once for
/// every object that shares representation 3 (each has the field null, so each gets the
/// error that explains it, as when the objects are fetched apart).
///
/// Some subgraphs (async-graphql among them) leave the index out: `["_entities", "name"]`.
/// Such a path names an object when only one target can be meant: the batch has a single
/// target, or a single target's entity (in `entities`, the subgraph's answer) is null at the
/// rest of the path. Otherwise, as for an index no object came from, the error keeps its
/// message and loses its path, since `_entities` means nothing to the client. Paths not under
/// `_entities` are left alone.
pub(super) fn repath_entity_error(
    mut error: GraphqlError,
    targets: &[(Vec<PathItem>, usize)],
    entities: &[Data],
) -> Vec<GraphqlError> {
    let Some(path) = &error.path else {
        return vec![error];
    };
    let is_entities = matches!(path.first(), Some(PathItem::Key(first)) if first == "_entities");
    if !is_entities {
        return vec![error];
    }
    match &path[1..] {
        [PathItem::Index(index), rest @ ..] => {
            let rest = rest.to_vec();
            let mut paths = targets
                .iter()
                .filter(|(_, i)| i == index)
                .map(|(object_path, _)| object_path.iter().chain(&rest).cloned().collect());
            let Some(first) = paths.next() else {
                error.path = None;
                return vec![error];
            };
            let mut out: Vec<GraphqlError> = paths
                .map(|path| {
                    let mut copy = error.clone();
                    copy.path = Some(path);
                    copy
                })
                .collect();
            error.path = Some(first);
            out.insert(0, error);
            out
        }
        rest => {
            let nulled: Vec<&Vec<PathItem>> = targets
                .iter()
                .filter(|(_, i)| entities.get(*i).is_none_or(|e| is_null_at(e, rest)))
                .map(|(object_path, _)| object_path)
                .collect();
            let only = match (targets, nulled.as_slice()) {
                ([(object_path, _)], _) => Some(object_path),
                (_, [object_path]) => Some(*object_path),
                _ => None,
            };
            error.path = only.map(|object_path| object_path.iter().chain(rest).cloned().collect());
            vec![error]
        }
    }
}

/// The representation an error under `_entities` names by index, if it names one.
pub(super) fn entity_index(error: &Value) -> Option<usize> {
    let path = error.get("path")?.as_array()?;
    if path.first()?.as_str()? != "_entities" {
        return None;
    }
    usize::try_from(path.get(1)?.as_u64()?).ok()
}

/// Whether `value` is null (or missing) at `path`.
fn is_null_at(value: &Data, path: &[PathItem]) -> bool {
    let mut current = value;
    for step in path {
        let next = match step {
            PathItem::Key(key) => current.get(key.as_str()),
            PathItem::Index(index) => current.as_list().and_then(|items| items.get(*index)),
        };
        match next {
            Some(next) => current = next,
            None => return true,
        }
    }
    current.is_null()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;
    use serde_json::json;

    fn key(k: &str) -> PathItem {
        PathItem::Key(k.into())
    }

    fn error_at(path: Vec<PathItem>) -> GraphqlError {
        let mut error = GraphqlError::new("boom", ErrorCode::SubgraphRequestFailed);
        error.path = Some(path);
        error
    }

    fn targets() -> Vec<(Vec<PathItem>, usize)> {
        vec![
            (vec![key("users"), PathItem::Index(0)], 0),
            (vec![key("users"), PathItem::Index(1)], 1),
        ]
    }

    /// The one error a case gives.
    fn only(mut errors: Vec<GraphqlError>) -> GraphqlError {
        assert_eq!(errors.len(), 1, "one error: {errors:?}");
        errors.remove(0)
    }

    #[test]
    fn an_indexed_entity_error_moves_to_the_object_path() {
        let error = only(repath_entity_error(
            error_at(vec![key("_entities"), PathItem::Index(1), key("name")]),
            &targets(),
            &[],
        ));
        assert_eq!(
            error.path,
            Some(vec![key("users"), PathItem::Index(1), key("name")])
        );
    }

    #[test]
    fn an_indexed_entity_error_goes_to_every_object_sharing_the_representation() {
        let shared = vec![
            (vec![key("users"), PathItem::Index(0)], 0),
            (vec![key("users"), PathItem::Index(1)], 1),
            (vec![key("admins"), PathItem::Index(0)], 0),
        ];
        let errors = repath_entity_error(
            error_at(vec![key("_entities"), PathItem::Index(0), key("name")]),
            &shared,
            &[],
        );
        let paths: Vec<_> = errors.into_iter().map(|e| (e.message, e.path)).collect();
        assert_eq!(
            paths,
            vec![
                (
                    "boom".to_string(),
                    Some(vec![key("users"), PathItem::Index(0), key("name")])
                ),
                (
                    "boom".to_string(),
                    Some(vec![key("admins"), PathItem::Index(0), key("name")])
                ),
            ]
        );
    }

    #[test]
    fn an_error_without_index_loses_its_path_when_several_objects_could_be_meant() {
        let entities = [
            Data::from(json!({"name": null})),
            Data::from(json!({"name": null})),
        ];
        let error = only(repath_entity_error(
            error_at(vec![key("_entities"), key("name")]),
            &targets(),
            &entities,
        ));
        assert_eq!(error.path, None);
        assert_eq!(error.message, "boom");
    }

    #[test]
    fn an_error_without_index_moves_to_the_only_object_left_null() {
        let entities = [
            Data::from(json!({"name": "Ada"})),
            Data::from(json!({"name": null})),
        ];
        let error = only(repath_entity_error(
            error_at(vec![key("_entities"), key("name")]),
            &targets(),
            &entities,
        ));
        assert_eq!(
            error.path,
            Some(vec![key("users"), PathItem::Index(1), key("name")])
        );
    }

    #[test]
    fn an_error_without_index_moves_to_the_only_object() {
        let one_target = vec![(vec![key("me")], 0)];
        let error = only(repath_entity_error(
            error_at(vec![key("_entities"), key("name")]),
            &one_target,
            &[Data::from(json!({"name": "Ada"}))],
        ));
        assert_eq!(error.path, Some(vec![key("me"), key("name")]));
    }

    #[test]
    fn an_unknown_index_or_a_bare_entities_path_is_dropped() {
        let error = only(repath_entity_error(
            error_at(vec![key("_entities"), PathItem::Index(7), key("name")]),
            &targets(),
            &[],
        ));
        assert_eq!(error.path, None);
        let entities = [Data::object(), Data::object()];
        let error = only(repath_entity_error(
            error_at(vec![key("_entities")]),
            &targets(),
            &entities,
        ));
        assert_eq!(error.path, None);
    }

    #[test]
    fn other_paths_are_kept() {
        let path = vec![key("users"), PathItem::Index(0)];
        let error = only(repath_entity_error(error_at(path.clone()), &targets(), &[]));
        assert_eq!(error.path, Some(path));
    }
}

//! The pieces of an entity fetch: the representations sent for the objects at a path, the
//! objects each answer goes back to, and the merge of an `_entities` list into them. A fetch
//! sent alone and a fetch sent in a batch ([`super::batch`]) are built from the same pieces.

use super::{entity_errors, paths, representation};
use crate::data::{Data, FastMap, FxHasher, write};
use crate::error::PathItem;
use crate::plan::{EntityRepresentation, FetchNode, PathSegment};
use serde_json::Value;
use std::borrow::Cow;
use std::ops::Range;

/// Distinct representations as JSON text, each with the `__typename` it was sent with.
#[derive(Default)]
pub(super) struct Representations<'f> {
    pub(super) texts: Vec<Vec<u8>>,
    pub(super) sent_typenames: Vec<&'f str>,
    /// Indexes by hash of their text: most objects repeat one sent already, found without a
    /// copy of its text; a hash shared by two texts falls back to comparing with every one.
    index_of: FastMap<u64, usize>,
}

impl<'f> Representations<'f> {
    /// The index of `text`, added when it is new.
    pub(super) fn index_of(&mut self, text: &[u8], typename: &'f str) -> usize {
        let hash = FxHasher::hash_bytes(text);
        let known = match self.index_of.get(&hash) {
            Some(&index) if self.texts[index] == text => Some(index),
            Some(_) => self.texts.iter().position(|t| t == text),
            None => None,
        };
        known.unwrap_or_else(|| {
            self.index_of.entry(hash).or_insert(self.texts.len());
            self.texts.push(text.to_vec());
            self.sent_typenames.push(typename);
            self.texts.len() - 1
        })
    }
}

/// The objects an entity fetch writes: for each, its list positions (a range of `positions`,
/// see [`paths::positions_at`]) and the index of its representation.
#[derive(Default)]
pub(super) struct Targets {
    targets: Vec<(Range<usize>, usize)>,
    positions: Vec<u32>,
}

impl Targets {
    pub(super) fn push(&mut self, positions: &[u32], representation: usize) {
        let start = self.positions.len();
        self.positions.extend_from_slice(positions);
        self.targets
            .push((start..self.positions.len(), representation));
    }

    /// The representation each target was sent as.
    pub(super) fn representations(&self) -> impl Iterator<Item = usize> + '_ {
        self.targets.iter().map(|(_, index)| *index)
    }

    /// The response path of every target under `path`, for errors.
    pub(super) fn paths(&self, data: &Data, path: &[PathSegment]) -> Vec<(Vec<PathItem>, usize)> {
        self.targets
            .iter()
            .map(|(range, index)| {
                let positions = &self.positions[range.clone()];
                (
                    paths::concrete_path(data, path, positions).unwrap_or_default(),
                    *index,
                )
            })
            .collect()
    }
}

/// Calls `visit` for every object at `path` that `fetch` can fetch, with its list positions,
/// its representation as JSON text and the `__typename` that text carries.
pub(super) fn visit_representations<'f>(
    data: &Data,
    fetch: &'f FetchNode,
    path: &[PathSegment],
    visit: &mut impl FnMut(&[u32], &[u8], &'f str),
) {
    let mut text = Vec::with_capacity(128);
    let mut typename_hint = 0;
    paths::positions_at(data, path, &mut Vec::new(), &mut |positions, object| {
        let Some(object) = object.as_object() else {
            return;
        };
        let typename = object.get_hinted("__typename", &mut typename_hint);
        let Some(typename) = typename.and_then(Data::as_str) else {
            return;
        };
        let Some(shape) = fetch.requires.iter().find(|r| r.applies_to(typename)) else {
            return;
        };
        if representation_text(object, shape, &mut text) {
            visit(positions, &text, shape.type_name.as_str());
        }
    });
}

/// Writes the representation of `object` for `shape` into `text` (cleared first); false when
/// the object cannot be fetched (a key or required field is missing or null).
fn representation_text(
    object: &crate::data::Object,
    shape: &EntityRepresentation,
    text: &mut Vec<u8>,
) -> bool {
    use representation::Written;
    text.clear();
    let written = representation::write(
        object,
        &shape.selection,
        &shape.abstract_conditions,
        &shape.type_name,
        text,
    );
    match written {
        Written::Text => true,
        Written::Missing => false,
        Written::Repeated => {
            let Some(mut projected) =
                representation::project(object, &shape.selection, &shape.abstract_conditions)
            else {
                return false;
            };
            projected.insert("__typename", Data::String(shape.type_name.as_str().into()));
            text.clear();
            write::value(text, &Data::Object(projected));
            true
        }
    }
}

/// An `_entities` answer on its way into the response: the entities, and what each merge
/// needs to know about them.
pub(super) struct EntityAnswer<'a> {
    /// Owned when the answer was this request's alone; borrowed from an answer other
    /// requesters share ([`super::Received::Shared`]), which is only ever read.
    pub(super) entities: Cow<'a, [Data]>,
    /// How many targets still take each entity: the last one moves it (when owned), the others
    /// take what they lack from it by reference (cloned field by field, never the whole
    /// entity).
    uses: Vec<usize>,
    /// Entities the subgraph nulled for an error inside them ([`entities_nulled_by_errors`]).
    nulled: Vec<usize>,
    /// Whether each entity came back under the name it was sent with: looked up once per
    /// entity, not once per object sharing it.
    named_as_sent: Vec<bool>,
}

impl<'a> EntityAnswer<'a> {
    /// `targets` are all the target lists that will take from these entities.
    pub(super) fn new<'t>(
        entities: Cow<'a, [Data]>,
        errors: &[Value],
        sent_typenames: &[&str],
        targets: impl IntoIterator<Item = &'t Targets>,
    ) -> Self {
        let mut uses = vec![0usize; entities.len()];
        for index in targets.into_iter().flat_map(Targets::representations) {
            if let Some(count) = uses.get_mut(index) {
                *count += 1;
            }
        }
        let nulled = entities_nulled_by_errors(errors, &entities);
        let named_as_sent = entities
            .iter()
            .zip(sent_typenames)
            .map(|(entity, sent)| entity.get("__typename").and_then(Data::as_str) == Some(*sent))
            .collect();
        Self {
            entities,
            uses,
            nulled,
            named_as_sent,
        }
    }

    /// Merges each target's entity into the object at its positions under `path`.
    pub(super) fn merge_into(
        &mut self,
        merged: &mut Data,
        path: &[PathSegment],
        targets: &Targets,
        sent_typenames: &[&str],
    ) {
        let positions: Vec<&[u32]> = targets
            .targets
            .iter()
            .map(|(range, _)| &targets.positions[range.clone()])
            .collect();
        paths::for_each_target_mut(merged, path, &positions, &mut |target_index, target| {
            let index = targets.targets[target_index].1;
            if index >= self.entities.len() {
                return;
            }
            // The subgraph nulled the entity for an error inside it (a non-null field
            // failed): the object is null, and shaping moves the null up from there.
            if self.nulled.contains(&index) {
                *target = Data::Null;
                return;
            }
            // An object sent under its interface's name (to an @interfaceObject subgraph)
            // comes back with that name: its concrete type stays. A subgraph that owns the
            // interface answers the concrete type, which replaces it.
            let sent = sent_typenames[index];
            let keeps_its_type = self.named_as_sent.get(index).copied().unwrap_or(false)
                && target
                    .get("__typename")
                    .is_some_and(|t| t.as_str() != Some(sent));
            self.uses[index] -= 1;
            match &mut self.entities {
                Cow::Owned(entities) if self.uses[index] == 0 => {
                    let mut entity = std::mem::take(&mut entities[index]);
                    if keeps_its_type && let Data::Object(fields) = &mut entity {
                        fields.remove("__typename");
                    }
                    paths::deep_merge(target, entity);
                }
                entities => {
                    let skip = keeps_its_type.then_some("__typename");
                    paths::deep_merge_from(target, &entities[index], skip);
                }
            }
        });
    }
}

/// The indexes of `_entities` items that are null while an error points inside them: what a
/// subgraph answers when a non-null field of the entity failed. A null item without an error
/// is an entity the subgraph did not find, which leaves the object as it was.
fn entities_nulled_by_errors(errors: &[Value], entities: &[Data]) -> Vec<usize> {
    errors
        .iter()
        .filter_map(entity_errors::entity_index)
        .filter(|&index| entities.get(index).is_some_and(Data::is_null))
        .collect()
}

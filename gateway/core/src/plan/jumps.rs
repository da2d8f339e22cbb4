//! Entity jumps: which subgraph takes the fields the current one cannot resolve, by which
//! `@key`, and the fetch group that serves them.

use super::planner::Planner;
use super::{PathSegment, PlanError};
use crate::selection::{Field, Selection, SelectionSet, typename_field};
use crate::supergraph::{GraphId, Key};
use apollo_compiler::Name;

/// An entity jump: the subgraph to call, the key its representations carry, and the type
/// named in them (an object type, or the interface an `@interfaceObject` subgraph knows).
#[derive(Debug, Clone)]
pub(super) struct Jump {
    pub target: GraphId,
    pub key: Key,
    pub entity_type: Name,
}

impl Planner<'_> {
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    pub(super) fn plan_jumps(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        pending: Vec<Field>,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let mut targets: Vec<(Jump, SelectionSet)> = Vec::new();
        let place = without_type_condition(path);
        for field in pending {
            let mut candidates =
                self.jump_candidates(graph, ty, &field, provided, entity_root, false);
            let names = [field.name.clone()];
            candidates
                .retain(|c| c.target == graph || !self.in_jump_chain(place, c.target, &names));
            let chosen = match candidates
                .iter()
                .find(|c| targets.iter().any(|(t, _)| t.target == c.target))
            {
                Some(existing) => existing.clone(),
                None => match candidates.len() {
                    0 => {
                        return Err(PlanError::Unsatisfiable {
                            coordinate: format!("{ty}.{}", field.name),
                            reason: format!(
                                "subgraph `{}` cannot resolve it, and no subgraph that can has a @key that `{}` provides",
                                self.graph_name(graph),
                                self.graph_name(graph)
                            ),
                        });
                    }
                    1 => candidates[0].clone(),
                    _ => self.cheapest_target(group, &field, path, candidates),
                },
            };
            // Fields whose @requires select one field under different arguments go to separate
            // fetches: a representation holds one value per field name.
            let required = self.requires_in(&chosen, std::slice::from_ref(&field));
            let batch = targets.iter_mut().find(|(t, fields)| {
                t.target == chosen.target
                    && !arguments_differ(
                        &self.requires_in(t, &fields.fields().cloned().collect::<Vec<_>>()),
                        &required,
                    )
            });
            match batch {
                Some((_, fields)) => fields.merge_field(field),
                None => targets.push((
                    chosen,
                    SelectionSet {
                        items: vec![Selection::Field(field)],
                    },
                )),
            }
        }
        for (jump, fields) in targets {
            self.jump(
                group,
                graph,
                ty,
                &jump,
                &fields,
                path,
                provided,
                entity_root,
                out,
            )?;
        }
        Ok(())
    }

    /// Adds one entity jump: the current group selects `__typename`, the key and any
    /// `@requires` fields; the target's group gets a representation shape and `fields`
    /// planned on the jump's entity type.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    pub(super) fn jump(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        jump: &Jump,
        fields: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let (target, entity_type) = (jump.target, &jump.entity_type);
        let place = without_type_condition(path);
        // Coming back to a subgraph already entered for these objects is a cycle (two
        // subgraphs each sending a field to the other): it can never plan, so it fails here.
        // Only the fields selected on the jump's type itself: what fragments on other types
        // select may legitimately come back (an @interfaceObject asks the interface's owner for
        // the concrete type, which sends the interface object's fields back to it).
        let names: Vec<Name> = fields
            .items
            .iter()
            .filter_map(|item| match item {
                Selection::Field(f) if f.name != "__typename" => Some(f.name.clone()),
                _ => None,
            })
            .collect();
        if target != graph && self.in_jump_chain(place, target, &names) {
            return Err(PlanError::Unsatisfiable {
                coordinate: ty.to_string(),
                reason: format!(
                    "planning would return to subgraph `{}` for the same objects",
                    self.graph_name(target)
                ),
            });
        }
        out.merge_field(typename_field());
        let chain_len = self.jump_chain.len();
        self.jump_chain.push((place.to_vec(), graph, names.clone()));
        let recordings_len = self.recordings.len();
        self.recordings.push(Vec::new());
        let gathered = self.plan_representation(
            group,
            graph,
            ty,
            jump,
            fields,
            path,
            provided,
            entity_root,
            out,
        );
        let new_deps = self.recordings.pop().unwrap_or_default();
        self.recordings.truncate(recordings_len);
        let representation = match gathered {
            Ok(representation) => representation,
            Err(error) => {
                self.jump_chain.truncate(chain_len);
                return Err(error);
            }
        };
        let child = self.group_for(
            group,
            target,
            path,
            &new_deps,
            (entity_type, &representation),
        );
        self.groups[child]
            .deps
            .extend(new_deps.into_iter().filter(|d| *d != child));
        self.jump_chain.push((place.to_vec(), target, names));
        let child_selection = self.plan_level(child, target, entity_type, fields, path, None, true);
        self.jump_chain.truncate(chain_len);
        let child_selection = child_selection?;
        let child_group = &mut self.groups[child];
        match child_group
            .entities
            .iter_mut()
            .find(|(t, _)| t == entity_type)
        {
            Some((_, existing)) => existing.merge(representation),
            None => child_group
                .entities
                .push((entity_type.clone(), representation)),
        }
        child_group
            .selection
            .merge_fragment(Some(entity_type.clone()), child_selection);
        Ok(())
    }

    /// The `@requires` selections of `fields` in the jump's target, merged.
    fn requires_in(&self, jump: &Jump, fields: &[Field]) -> SelectionSet {
        let mut out = SelectionSet::default();
        let Some(info) = self.supergraph.type_info(&jump.entity_type) else {
            return out;
        };
        for field in fields {
            if let Some(requires) = info
                .fields
                .get(&field.name)
                .and_then(|f| f.in_graph(jump.target))
                .and_then(|f| f.requires.as_ref())
            {
                out.merge(requires.clone());
            }
        }
        out
    }

    /// Whether the jumps being planned already had `graph` plan one of `names` for the
    /// objects at `place` (sending them there again would never end).
    fn in_jump_chain(&self, place: &[PathSegment], graph: GraphId, names: &[Name]) -> bool {
        self.jump_chain.iter().any(|(p, g, n)| {
            *g == graph && p.as_slice() == place && n.iter().any(|name| names.contains(name))
        })
    }

    /// Plans, in the current group, the key and `@requires` fields a jump's representations
    /// are built from, and returns the representation's shape.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    fn plan_representation(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        jump: &Jump,
        fields: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
        out: &mut SelectionSet,
    ) -> Result<SelectionSet, PlanError> {
        let (target, key, entity_type) = (jump.target, &jump.key, &jump.entity_type);
        let key_selection =
            self.plan_level(group, graph, ty, &key.fields, path, provided, entity_root)?;
        out.merge(key_selection);
        let mut representation = SelectionSet::default();
        representation.merge_field(typename_field());
        representation.merge(key.fields.clone());
        let info = self.type_info(entity_type)?.clone();
        for field in fields.fields() {
            let requires = info
                .fields
                .get(&field.name)
                .and_then(|f| f.in_graph(target))
                .and_then(|f| f.requires.clone());
            if let Some(requires) = requires {
                let requires = alias_fields_with_arguments(&requires);
                let required =
                    self.plan_level(group, graph, ty, &requires, path, provided, entity_root)?;
                out.merge(required);
                representation.merge(requires);
            }
        }
        Ok(representation)
    }

    fn cheapest_target(
        &mut self,
        group: usize,
        field: &Field,
        path: &[PathSegment],
        candidates: Vec<Jump>,
    ) -> Jump {
        let set = SelectionSet {
            items: vec![Selection::Field(field.clone())],
        };
        let mut best: Option<((usize, usize), Jump)> = None;
        let from = self.groups[group].graph;
        let place = without_type_condition(path).to_vec();
        for jump in candidates {
            let cost = self.trial(|p| {
                let chain_len = p.jump_chain.len();
                p.jump_chain
                    .push((place.clone(), from, vec![field.name.clone()]));
                p.jump_chain
                    .push((place.clone(), jump.target, vec![field.name.clone()]));
                let id = p.new_group(jump.target, Some(group), path.to_vec());
                let result =
                    p.plan_level(id, jump.target, &jump.entity_type, &set, path, None, true);
                p.jump_chain.truncate(chain_len);
                result
            });
            if let Some(cost) = cost {
                if best.as_ref().is_none_or(|(c, _)| cost < *c) {
                    best = Some((cost, jump));
                }
            } else if best.is_none() {
                best = Some(((usize::MAX, usize::MAX), jump));
            }
        }
        best.map(|(_, choice)| choice)
            .expect("cheapest_target is called with candidates")
    }

    /// The entity fetch group of `target` under `parent` at `path`, made when missing. Objects
    /// of different types at one path share a group: one `_entities` call serves them all.
    /// A group that must run after `deps` (they fetch its `@requires`) cannot be one of them
    /// nor an ancestor of one, and a group whose representations of the type already carry a
    /// field under other arguments (`price(currency: "USD")` against `"EUR"`) cannot take
    /// this one: a representation holds one value per field name.
    pub(super) fn group_for(
        &mut self,
        parent: usize,
        target: GraphId,
        path: &[PathSegment],
        deps: &[usize],
        (entity_type, representation): (&Name, &SelectionSet),
    ) -> usize {
        let path = without_type_condition(path);
        let existing = (0..self.groups.len()).find(|&id| {
            let g = &self.groups[id];
            g.parent == Some(parent)
                && g.graph == target
                && g.path == path
                && !g.entities.is_empty()
                && !deps.iter().any(|&d| self.is_ancestor_or_self(id, d))
                && !g
                    .entities
                    .iter()
                    .any(|(t, shape)| t == entity_type && arguments_differ(shape, representation))
        });
        let id = existing.unwrap_or_else(|| self.new_group(target, Some(parent), path.to_vec()));
        for recording in &mut self.recordings {
            recording.push(id);
        }
        id
    }

    fn is_ancestor_or_self(&self, ancestor: usize, mut group: usize) -> bool {
        loop {
            if group == ancestor {
                return true;
            }
            match self.groups[group].parent {
                Some(parent) => group = parent,
                None => return false,
            }
        }
    }

    /// Sends what needs an `@interfaceObject`'s concrete type to a subgraph that owns the
    /// interface (declares it with a `@key`, not as an interface object): it answers the real
    /// `__typename` and the fields of the implementations.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    pub(super) fn jump_to_interface_owner(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        concrete: SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let info = self.type_info(ty)?;
        let owner = info
            .graphs
            .iter()
            .filter(|t| !t.is_interface_object && t.graph != graph)
            .find_map(|t| {
                t.keys
                    .iter()
                    .filter(|k| k.resolvable)
                    .find(|k| self.key_is_local(graph, ty, &k.fields, provided, entity_root))
                    .map(|key| Jump {
                        target: t.graph,
                        key: key.clone(),
                        entity_type: ty.clone(),
                    })
            });
        let Some(jump) = owner else {
            return Err(PlanError::Unsatisfiable {
                coordinate: ty.to_string(),
                reason: format!(
                    "subgraph `{}` knows it as an @interfaceObject, and no subgraph that owns the interface has a @key it provides, so the concrete type cannot be found",
                    self.graph_name(graph)
                ),
            });
        };
        let mut fields = SelectionSet::default();
        fields.merge_field(typename_field());
        fields.merge(concrete);
        self.jump(
            group,
            graph,
            ty,
            &jump,
            &fields,
            path,
            provided,
            entity_root,
            out,
        )
    }
}

/// Whether two representation shapes select one field name with different arguments, at any
/// depth (fields are compared through inline fragments as well).
pub(super) fn arguments_differ(a: &SelectionSet, b: &SelectionSet) -> bool {
    a.fields().any(|fa| {
        b.fields().filter(|fb| fb.name == fa.name).any(|fb| {
            fa.arguments != fb.arguments
                || match (&fa.selection_set, &fb.selection_set) {
                    (Some(sa), Some(sb)) => arguments_differ(sa, sb),
                    _ => false,
                }
        })
    })
}

/// A fetch path without its trailing type condition: objects of several types at one place.
fn without_type_condition(path: &[PathSegment]) -> &[PathSegment] {
    match path.last() {
        Some(PathSegment::TypeCondition(_)) => &path[..path.len() - 1],
        _ => path,
    }
}

/// Gives every field with arguments in a `@requires` selection an alias of its own, so that
/// it cannot collide with a client field of the same response key but other arguments in the
/// same fetch or the same response object. Representations are still built under the field
/// names (see `execute::representation`).
fn alias_fields_with_arguments(set: &SelectionSet) -> SelectionSet {
    let items = set
        .items
        .iter()
        .map(|item| match item {
            Selection::Field(field) => {
                let mut field = field.clone();
                if !field.arguments.is_empty() && field.alias.is_none() {
                    field.alias = Name::new(&format!(
                        "_required_{}_{:x}",
                        field.name,
                        arguments_hash(&field)
                    ))
                    .ok();
                }
                field.selection_set = field
                    .selection_set
                    .as_ref()
                    .map(alias_fields_with_arguments);
                Selection::Field(field)
            }
            Selection::InlineFragment(inline) => {
                let mut inline = inline.clone();
                inline.selection_set = alias_fields_with_arguments(&inline.selection_set);
                Selection::InlineFragment(inline)
            }
        })
        .collect();
    SelectionSet { items }
}

/// A stable short hash of a field's arguments (FNV-1a over their printed form).
fn arguments_hash(field: &Field) -> u32 {
    let mut text = String::new();
    for argument in &field.arguments {
        text.push_str(&format!("{}:{},", argument.name, argument.value));
    }
    text.bytes().fold(0x811c_9dc5_u32, |hash, byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

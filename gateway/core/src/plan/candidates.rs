//! Jump candidates: which subgraphs can take a field the current one cannot resolve, and by
//! which `@key` (one the current subgraph resolves, or one whose fields it can gather first).

use super::jumps::Jump;
use super::planner::{Planner, provided_below};
use crate::selection::{Field, SelectionSet};
use crate::supergraph::GraphId;
use apollo_compiler::Name;

impl Planner<'_> {
    /// Whether every field of `key` is resolvable by `graph` at this position.
    pub(super) fn key_is_local(
        &self,
        graph: GraphId,
        ty: &Name,
        key: &SelectionSet,
        provided: Option<&SelectionSet>,
        entity_root: bool,
    ) -> bool {
        self.key_fits(graph, ty, key, provided, entity_root, false)
    }

    /// Whether `graph` can gather every field of `key` at this position: resolving it, or (with
    /// `through_jumps`) fetching a missing field through one entity jump by a local key first,
    /// as when a key mixes fields of several subgraphs.
    fn key_fits(
        &self,
        graph: GraphId,
        ty: &Name,
        key: &SelectionSet,
        provided: Option<&SelectionSet>,
        entity_root: bool,
        through_jumps: bool,
    ) -> bool {
        let collected = self.collect_fields(key, ty);
        collected.fields().all(|field| {
            if field.name == "__typename" {
                return true;
            }
            let Some(field_in_graph) =
                self.resolvable_here(graph, ty, field, provided, entity_root)
            else {
                return through_jumps
                    && !self
                        .jump_candidates_by(graph, ty, field, provided, entity_root, true, false)
                        .is_empty();
            };
            match &field.selection_set {
                None => true,
                Some(sub) => {
                    let sub_provided = match &field_in_graph.provides {
                        Some(p) => Some(p.clone()),
                        None => provided.map(|p| provided_below(p, &field.name)),
                    };
                    self.key_fits(
                        graph,
                        field.ty.inner_named_type(),
                        sub,
                        sub_provided.as_ref(),
                        false,
                        through_jumps,
                    )
                }
            }
        })
    }

    /// Subgraphs that can resolve `ty.field` through an entity fetch from `graph`, with the key
    /// to use. With `others_only`, the current subgraph is left out. Keys `graph` resolves
    /// itself are preferred; only when there is none, keys whose missing fields other
    /// subgraphs can supply first are taken.
    pub(super) fn jump_candidates(
        &self,
        graph: GraphId,
        ty: &Name,
        field: &Field,
        provided: Option<&SelectionSet>,
        entity_root: bool,
        others_only: bool,
    ) -> Vec<Jump> {
        let local =
            self.jump_candidates_by(graph, ty, field, provided, entity_root, others_only, false);
        if !local.is_empty() {
            return local;
        }
        self.jump_candidates_by(graph, ty, field, provided, entity_root, others_only, true)
    }

    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    fn jump_candidates_by(
        &self,
        graph: GraphId,
        ty: &Name,
        field: &Field,
        provided: Option<&SelectionSet>,
        entity_root: bool,
        others_only: bool,
        through_jumps: bool,
    ) -> Vec<Jump> {
        let Some(info) = self.supergraph.type_info(ty) else {
            return Vec::new();
        };
        let Some(field_info) = info.fields.get(&field.name) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for field_in_graph in &field_info.graphs {
            let target = field_in_graph.graph;
            if field_in_graph.external || !field_in_graph.is_active(self.labels_on) {
                continue;
            }
            // Jumping to the same subgraph only helps a field whose @requires (or context
            // arguments) need a fresh representation.
            let needs_entity_root =
                field_in_graph.requires.is_some() || !field_in_graph.context_arguments.is_empty();
            if target == graph && (others_only || !needs_entity_root) {
                continue;
            }
            let Some(type_in_target) = info.in_graph(target) else {
                continue;
            };
            if let Some(key) = type_in_target
                .keys
                .iter()
                .filter(|k| k.resolvable)
                .find(|k| self.key_fits(graph, ty, &k.fields, provided, entity_root, through_jumps))
            {
                out.push(Jump {
                    target,
                    key: key.clone(),
                    entity_type: ty.clone(),
                });
            }
        }
        if out.is_empty() && !through_jumps {
            out = self.interface_object_candidates(graph, ty, field, provided, entity_root);
        }
        out
    }

    /// Subgraphs that define `ty.field` only through an `@interfaceObject` of an interface `ty`
    /// implements: the jump sends the interface's name as `__typename`.
    fn interface_object_candidates(
        &self,
        graph: GraphId,
        ty: &Name,
        field: &Field,
        provided: Option<&SelectionSet>,
        entity_root: bool,
    ) -> Vec<Jump> {
        let mut out = Vec::new();
        for interface in self.supergraph.types.values() {
            if !interface.is_abstract() || !interface.possible_types.contains(ty) {
                continue;
            }
            let Some(field_info) = interface.fields.get(&field.name) else {
                continue;
            };
            for field_in_graph in &field_info.graphs {
                let target = field_in_graph.graph;
                if target == graph
                    || field_in_graph.external
                    || !field_in_graph.is_active(self.labels_on)
                {
                    continue;
                }
                let Some(type_in_target) =
                    interface.in_graph(target).filter(|t| t.is_interface_object)
                else {
                    continue;
                };
                if let Some(key) = type_in_target
                    .keys
                    .iter()
                    .filter(|k| k.resolvable)
                    .find(|k| self.key_is_local(graph, ty, &k.fields, provided, entity_root))
                {
                    out.push(Jump {
                        target,
                        key: key.clone(),
                        entity_type: interface.name.clone(),
                    });
                }
            }
        }
        // The interfaces come from a hash map: a full order keeps the choice the same from
        // one plan to the next.
        out.sort_by(|a, b| {
            (a.target, a.entity_type.as_str()).cmp(&(b.target, b.entity_type.as_str()))
        });
        out
    }
}

//! The search: which subgraph fetches which field, and where entity jumps are needed.
//!
//! The planner walks the operation level by level. At each level it knows the subgraph it is
//! in, the parent type, the response path and what a parent's `@provides` made available.
//! Fields the subgraph resolves stay in its fetch; the others become jumps to fetch groups in
//! other subgraphs, keyed by a `@key` the current subgraph can provide. Where a choice exists
//! (`@shareable` fields, several subgraphs able to take a jump), candidates are tried on a copy
//! of the group list and the one that needs the fewest fetches wins.

use super::{OperationInput, PathSegment, PlanError};
use crate::selection::{Field, Selection, SelectionSet, typename_field};
use crate::supergraph::{FieldInGraph, GraphId, Supergraph, TypeInfo};
use apollo_compiler::Name;
use apollo_compiler::ast::{OperationType, Type};

/// A set of fields fetched from one subgraph in one request.
#[derive(Debug, Clone)]
pub(super) struct Group {
    pub graph: GraphId,
    /// The group whose results this one reads (its representations come from there).
    pub parent: Option<usize>,
    /// Other groups that must have finished first (`@requires` and key fields from elsewhere).
    pub deps: Vec<usize>,
    /// Where in the response the group's entities are; empty for root fetches.
    pub path: Vec<PathSegment>,
    /// Entity fetches: one representation shape per entity type.
    pub entities: Vec<(Name, SelectionSet)>,
    /// Root fetches: fields on the root type. Entity fetches: one inline fragment per type.
    pub selection: SelectionSet,
}

pub(super) struct Planner<'a> {
    pub(super) supergraph: &'a Supergraph,
    pub groups: Vec<Group>,
    /// Open recordings of the groups that planning jumps into (created or reused), so that a
    /// fetch whose representation needs them can depend on them.
    pub(super) recordings: Vec<Vec<usize>>,
    /// Progressive-override labels that are on for this plan.
    pub(super) labels_on: &'a [String],
    /// Where the jumps being planned came from and go to, innermost last: the place, the
    /// subgraph and the fields sent. Sending a field back to a subgraph that already had it
    /// for the same objects would never end.
    pub(super) jump_chain: Vec<(Vec<PathSegment>, GraphId, Vec<Name>)>,
}

/// Plans the root selection of an operation into fetch groups.
pub(super) fn plan_root(
    supergraph: &Supergraph,
    root_type: &Name,
    operation: &OperationInput<'_>,
) -> Result<Vec<Group>, PlanError> {
    let mut planner = Planner {
        supergraph,
        groups: Vec::new(),
        recordings: Vec::new(),
        labels_on: operation.override_labels,
        jump_chain: Vec::new(),
    };
    let fields: Vec<Field> = planner
        .collect_fields(operation.selection_set, root_type)
        .items
        .into_iter()
        .filter_map(|item| match item {
            Selection::Field(f) if !f.name.starts_with("__") => Some(f),
            _ => None,
        })
        .collect();
    let mut runs: Vec<(GraphId, SelectionSet)> = Vec::new();
    for field in fields {
        let parts = match planner.choose_root_graph(root_type, &field, &runs, operation.kind) {
            Ok(graph) => vec![(graph, field)],
            // A mutation runs once, and a subscription is one subgraph's stream of events:
            // neither is ever split over subgraphs.
            Err(error) if operation.kind != OperationType::Query => return Err(error),
            Err(error) => planner
                .split_root_field(root_type, &field)
                .map_err(|_| error)?,
        };
        for (graph, field) in parts {
            // Mutations only merge with the run just before, so that order is kept.
            let mergeable = if operation.kind == OperationType::Mutation {
                runs.len().checked_sub(1).filter(|&i| runs[i].0 == graph)
            } else {
                runs.iter().position(|(g, _)| *g == graph)
            };
            match mergeable {
                Some(i) => runs[i].1.merge_field(field),
                None => runs.push((
                    graph,
                    SelectionSet {
                        items: vec![Selection::Field(field)],
                    },
                )),
            }
        }
    }
    for (graph, fields) in runs {
        let id = planner.new_group(graph, None, Vec::new());
        let selection = planner.plan_level(id, graph, root_type, &fields, &[], None, false)?;
        planner.groups[id].selection = selection;
    }
    Ok(planner.groups)
}

/// Plans `selection` on the objects of type `type_name` found at `path` (from an earlier part
/// of the response), starting with an entity fetch from `graph` by `key`.
pub(super) fn plan_entity_entry(
    supergraph: &Supergraph,
    operation: &OperationInput<'_>,
    (graph, type_name, key): (GraphId, &Name, &SelectionSet),
    path: &[PathSegment],
    selection: &SelectionSet,
) -> Result<Vec<Group>, PlanError> {
    let mut planner = Planner {
        supergraph,
        groups: Vec::new(),
        recordings: Vec::new(),
        labels_on: operation.override_labels,
        jump_chain: Vec::new(),
    };
    let id = planner.new_group(graph, None, path.to_vec());
    let mut representation = SelectionSet::default();
    representation.merge_field(typename_field());
    representation.merge(key.clone());
    planner.groups[id]
        .entities
        .push((type_name.clone(), representation));
    // Not as an entity root: the representation holds only the key, so fields with
    // `@requires` (or context arguments) jump again, with their requirements gathered first.
    let planned = planner.plan_level(id, graph, type_name, selection, path, None, false)?;
    planner.groups[id]
        .selection
        .merge_fragment(Some(type_name.clone()), planned);
    Ok(planner.groups)
}

impl Planner<'_> {
    pub(super) fn type_info(&self, name: &str) -> Result<&TypeInfo, PlanError> {
        self.supergraph
            .type_info(name)
            .ok_or_else(|| PlanError::Unsatisfiable {
                coordinate: name.to_string(),
                reason: "the type is not in the supergraph".into(),
            })
    }

    pub(super) fn graph_name(&self, graph: GraphId) -> &str {
        &self.supergraph.subgraphs[graph].name
    }

    pub(super) fn new_group(
        &mut self,
        graph: GraphId,
        parent: Option<usize>,
        path: Vec<PathSegment>,
    ) -> usize {
        self.groups.push(Group {
            graph,
            parent,
            deps: Vec::new(),
            path,
            entities: Vec::new(),
            selection: SelectionSet::default(),
        });
        self.groups.len() - 1
    }

    /// Whether `condition` (a fragment's type condition) applies to objects of type `ty`.
    fn applies(&self, condition: Option<&Name>, ty: &Name) -> bool {
        match condition {
            None => true,
            Some(c) if c == ty => true,
            Some(c) => self.supergraph.type_info(c).is_some_and(|info| {
                info.possible_types.contains(ty)
                    || self.supergraph.type_info(ty).is_some_and(|t| {
                        t.is_abstract()
                            && t.possible_types
                                .iter()
                                .all(|p| info.possible_types.contains(p))
                    })
            }),
        }
    }

    /// The fields selected on objects of type `ty`, fragments flattened, same keys merged.
    pub(super) fn collect_fields(&self, set: &SelectionSet, ty: &Name) -> SelectionSet {
        let mut out = SelectionSet::default();
        self.collect_into(set, ty, &mut out);
        out
    }

    fn collect_into(&self, set: &SelectionSet, ty: &Name, out: &mut SelectionSet) {
        for item in &set.items {
            match item {
                Selection::Field(field) => out.merge_field(field.clone()),
                Selection::InlineFragment(inline) => {
                    if self.applies(inline.type_condition.as_ref(), ty) {
                        self.collect_into(&inline.selection_set, ty, out);
                    }
                }
            }
        }
    }

    /// Plans the fields selected on `ty` at `path`, in subgraph `graph`, for fetch group `group`.
    /// Returns what the group must select there; adds groups for what it cannot.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    pub(super) fn plan_level(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
    ) -> Result<SelectionSet, PlanError> {
        let info = self.type_info(ty)?;
        if info.is_abstract() {
            if !info.in_graph(graph).is_some_and(|t| t.is_interface_object) {
                return self.plan_abstract(group, graph, ty, selection, path, provided);
            }
            let (local, concrete) = split_for_interface_object(selection, ty);
            let concrete = without_selected(concrete, &local);
            if !concrete.is_empty() {
                let mut out =
                    self.plan_fields(group, graph, ty, &local, path, provided, entity_root)?;
                self.jump_to_interface_owner(
                    group,
                    graph,
                    ty,
                    concrete,
                    path,
                    provided,
                    entity_root,
                    &mut out,
                )?;
                return Ok(out);
            }
        }
        self.plan_fields(group, graph, ty, selection, path, provided, entity_root)
    }

    /// Plans the fields of an object type (or of an interface a subgraph knows as an
    /// `@interfaceObject`): what `graph` resolves stays, the rest becomes jumps.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    fn plan_fields(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        entity_root: bool,
    ) -> Result<SelectionSet, PlanError> {
        let fields = self.collect_fields(selection, ty);
        let mut out = SelectionSet::default();
        let mut pending: Vec<Field> = Vec::new();
        for item in fields.items {
            let Selection::Field(field) = item else {
                continue;
            };
            if field.name == "__typename" {
                out.merge_field(field);
                continue;
            }
            let Some(field_in_graph) =
                self.resolvable_here(graph, ty, &field, provided, entity_root)
            else {
                pending.push(field);
                continue;
            };
            let Some(sub_selection) = &field.selection_set else {
                out.merge_field(field);
                continue;
            };
            let sub_provided = match &field_in_graph.provides {
                Some(provides) => Some(provides.clone()),
                None => provided.map(|p| provided_below(p, &field.name)),
            };
            let sub_path = extend_path(path, &field);
            let declared = self.field_type_in(graph, ty, &field);
            let return_type = declared.inner_named_type().clone();
            let has_alternative = !self
                .jump_candidates(graph, ty, &field, provided, entity_root, true)
                .is_empty();
            let saved = has_alternative.then(|| self.groups.clone());
            match self.plan_level(
                group,
                graph,
                &return_type,
                sub_selection,
                &sub_path,
                sub_provided.as_ref(),
                false,
            ) {
                Ok(set) => {
                    let set = self.with_typename_if_narrowed(&field, &return_type, set);
                    out.merge_field(Field {
                        selection_set: Some(set),
                        ty: declared.clone(),
                        ..field
                    })
                }
                Err(error) => match saved {
                    Some(saved) => {
                        self.groups = saved;
                        let split = self.split_field(
                            group,
                            graph,
                            (&field, &declared),
                            &sub_path,
                            sub_provided.as_ref(),
                        );
                        match split {
                            Some((here, elsewhere)) => {
                                out.merge_field(here);
                                pending.push(elsewhere);
                            }
                            None => pending.push(field),
                        }
                    }
                    None => return Err(error),
                },
            }
        }
        if !pending.is_empty() {
            self.plan_jumps(
                group,
                graph,
                ty,
                pending,
                path,
                provided,
                entity_root,
                &mut out,
            )?;
        }
        Ok(out)
    }

    /// An interface or union: one inline fragment per object type the subgraph can return.
    fn plan_abstract(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
    ) -> Result<SelectionSet, PlanError> {
        let info = self.type_info(ty)?;
        let mut possible: Vec<Name> = Vec::new();
        for name in info.possible_types_in(graph) {
            if !possible.contains(name) {
                possible.push(name.clone());
            }
        }
        let mut out = SelectionSet::default();
        out.merge_field(typename_field());
        if possible.is_empty() {
            self.check_fields_without_implementations(graph, ty, selection, provided)?;
            self.plan_without_implementations(
                group, graph, ty, selection, path, provided, &mut out,
            )?;
        }
        for object in possible {
            let fields = self.collect_fields(selection, &object);
            if fields.fields().all(|f| f.name == "__typename") {
                continue;
            }
            let mut sub_path = path.to_vec();
            sub_path.push(PathSegment::TypeCondition(vec![object.to_string()]));
            let sub_provided = provided.map(|p| self.collect_fields(p, &object));
            let set = self.plan_level(
                group,
                graph,
                &object,
                &fields,
                &sub_path,
                sub_provided.as_ref(),
                false,
            )?;
            if !set.is_empty() {
                out.merge_fragment(Some(object), set);
            }
        }
        Ok(out)
    }

    /// The subgraph's definition of `ty.field` when the subgraph can resolve it right here.
    pub(super) fn resolvable_here(
        &self,
        graph: GraphId,
        ty: &Name,
        field: &Field,
        provided: Option<&SelectionSet>,
        entity_root: bool,
    ) -> Option<&FieldInGraph> {
        let info = self.supergraph.type_info(ty)?;
        let field_in_graph = info.fields.get(&field.name)?.in_graph(graph)?;
        if !field_in_graph.is_active(self.labels_on) {
            return None;
        }
        if field_in_graph.external {
            let provided_here = provided.is_some_and(|p| p.fields().any(|f| f.name == field.name));
            let type_here = info.in_graph(graph);
            let in_own_key = type_here.is_some_and(|t| {
                t.keys
                    .iter()
                    .any(|k| k.fields.fields().any(|f| f.name == field.name))
            });
            // A key field the subgraph marks @external is only known to it from a
            // representation: at the root of an entity fetch, not where it returns the object
            // itself (the field is then another subgraph's to resolve). A type extension's
            // external key fields are its own all the same (Federation 1 style `@extends`).
            let own_extension = type_here.is_some_and(|t| t.extension);
            return (provided_here || (in_own_key && (entity_root || own_extension)))
                .then_some(field_in_graph);
        }
        // A field with @requires reads its requirements from the representation, so it can only
        // be resolved where the parent group put them there: at the root of an entity fetch.
        // The same holds for arguments taken from a context: the executor fills them per entity.
        if (field_in_graph.requires.is_some() || !field_in_graph.context_arguments.is_empty())
            && !entity_root
        {
            return None;
        }
        Some(field_in_graph)
    }
}

/// What a parent's `@provides` makes available below the field `name`.
pub(super) fn provided_below(provided: &SelectionSet, name: &Name) -> SelectionSet {
    let mut out = SelectionSet::default();
    for field in provided.fields().filter(|f| &f.name == name) {
        if let Some(sub) = &field.selection_set {
            out.merge(sub.clone());
        }
    }
    out
}

/// The path below `field`: its response key, then `@` for each list level of its type.
pub(super) fn extend_path(path: &[PathSegment], field: &Field) -> Vec<PathSegment> {
    let mut out = path.to_vec();
    out.push(PathSegment::Key(field.response_key().to_string()));
    let mut ty = &field.ty;
    while let Type::List(inner) | Type::NonNullList(inner) = ty {
        out.push(PathSegment::List);
        ty = inner;
    }
    out
}

/// Splits a selection on an interface that the current subgraph knows as an `@interfaceObject`:
/// the fields it can answer for any implementation, and what needs the concrete type
/// (`__typename`, fragments on implementations), which only the interface's owner knows.
fn split_for_interface_object(selection: &SelectionSet, ty: &Name) -> (SelectionSet, SelectionSet) {
    let mut local = SelectionSet::default();
    let mut concrete = SelectionSet::default();
    for item in &selection.items {
        match item {
            Selection::Field(field) if field.name == "__typename" => {
                concrete.merge_field(field.clone())
            }
            Selection::Field(field) => local.merge_field(field.clone()),
            Selection::InlineFragment(inline)
                if inline.type_condition.as_ref().is_none_or(|c| c == ty) =>
            {
                let (l, c) = split_for_interface_object(&inline.selection_set, ty);
                local.merge(l);
                concrete.merge(c);
            }
            Selection::InlineFragment(inline) => {
                concrete.merge_fragment(inline.type_condition.clone(), inline.selection_set.clone())
            }
        }
    }
    (local, concrete)
}

/// `concrete` without the fields `local` already selects the same way (same response key,
/// field, arguments and selection). The interface object's subgraph fetches those for every
/// object of the interface; fetching them again under a fragment on an implementation, from
/// the implementation's subgraph, would give one response key two sources, and the answer
/// would depend on which fetch lands last. Fragments left empty are dropped.
fn without_selected(concrete: SelectionSet, local: &SelectionSet) -> SelectionSet {
    let items = concrete
        .items
        .into_iter()
        .filter_map(|item| match item {
            Selection::Field(field) => {
                let already = local.items.iter().any(|l| {
                    matches!(l, Selection::Field(l) if l.response_key() == field.response_key()
                        && l.same_source(&field)
                        && l.selection_set == field.selection_set)
                });
                (!already).then_some(Selection::Field(field))
            }
            Selection::InlineFragment(mut inline) => {
                inline.selection_set = without_selected(inline.selection_set, local);
                (!inline.selection_set.is_empty()).then_some(Selection::InlineFragment(inline))
            }
        })
        .collect();
    SelectionSet { items }
}

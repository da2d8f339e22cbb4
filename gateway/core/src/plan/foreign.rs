//! Interfaces a subgraph declares without any implementation of its own: the subgraph still
//! returns objects of the supergraph's implementations (a Federation 1 `Node` resolver, say).
//! The fields it declares on the interface are fetched there; what only an implementation
//! has comes from a subgraph that owns that implementation, by a `@key` made of interface
//! fields, for the objects whose `__typename` is that implementation.

use super::planner::Planner;
use super::{PathSegment, PlanError};
use crate::selection::{Field, SelectionSet, typename_field};
use crate::supergraph::GraphId;
use apollo_compiler::Name;

impl Planner<'_> {
    /// Plans `selection` on the interface `ty` that `graph` knows no implementation of: the
    /// interface fields `graph` resolves go into `out`, the rest of each implementation's
    /// fields into entity fetches keyed by interface fields.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    pub(super) fn plan_without_implementations(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let shared = self.collect_fields(selection, ty);
        for field in shared.fields().filter(|f| !f.name.starts_with("__")) {
            self.plan_interface_field(group, graph, (ty, field), path, provided, out)?;
        }
        let implementations = self.type_info(ty)?.possible_types.clone();
        for object in implementations {
            let fields = self.collect_fields(selection, &object);
            let (here, missing): (Vec<&Field>, Vec<&Field>) = fields
                .fields()
                .filter(|f| !f.name.starts_with("__"))
                .partition(|f| {
                    self.resolvable_here(graph, ty, f, provided, false)
                        .is_some()
                });
            // `graph` cannot name `object` in a type condition, so an interface field asked
            // only under `... on Object` is fetched on the interface itself; shaping keeps
            // it for objects of that type alone.
            for field in here {
                self.plan_interface_field(group, graph, (ty, field), path, provided, out)?;
            }
            let missing: Vec<Field> = missing.into_iter().cloned().collect();
            if missing.is_empty() {
                continue;
            }
            self.jump_by_interface_key(group, graph, ty, &object, missing, path, provided, out)?;
        }
        Ok(())
    }

    fn plan_interface_field(
        &mut self,
        group: usize,
        graph: GraphId,
        (ty, field): (&Name, &Field),
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let Some(sub) = &field.selection_set else {
            out.merge_field(field.clone());
            return Ok(());
        };
        let sub_path = super::planner::extend_path(path, field);
        let declared = self.field_type_in(graph, ty, field);
        let return_type = declared.inner_named_type().clone();
        let sub_provided = provided.map(|p| super::planner::provided_below(p, &field.name));
        let planned = self.plan_level(
            group,
            graph,
            &return_type,
            sub,
            &sub_path,
            sub_provided.as_ref(),
            false,
        )?;
        let planned = self.with_typename_if_narrowed(field, &return_type, planned);
        out.merge_field(Field {
            selection_set: Some(planned),
            ty: declared,
            ..field.clone()
        });
        Ok(())
    }

    /// One entity fetch for the objects of type `object` among those at `path`, to a subgraph
    /// whose resolvable `@key` for `object` only needs interface fields `graph` resolves.
    /// Without such a key the fields stay unfetched (null), as no plan can reach them.
    #[expect(
        clippy::too_many_arguments,
        reason = "the planner's position is this whole tuple"
    )]
    fn jump_by_interface_key(
        &mut self,
        group: usize,
        graph: GraphId,
        ty: &Name,
        object: &Name,
        fields: Vec<Field>,
        path: &[PathSegment],
        provided: Option<&SelectionSet>,
        out: &mut SelectionSet,
    ) -> Result<(), PlanError> {
        let info = self.type_info(object)?.clone();
        let choice = info
            .graphs
            .iter()
            .filter(|t| t.graph != graph)
            .find_map(|t| {
                t.keys
                    .iter()
                    .filter(|k| k.resolvable)
                    .find(|k| {
                        k.fields.fields().all(|f| {
                            f.selection_set.is_none()
                                && self
                                    .resolvable_here(graph, ty, f, provided, false)
                                    .is_some()
                        })
                    })
                    .map(|k| (t.graph, k.fields.clone()))
            });
        let Some((target, key)) = choice else {
            return Ok(());
        };
        out.merge(key.clone());
        let mut representation = SelectionSet::default();
        representation.merge_field(typename_field());
        representation.merge(key);
        let mut sub_path = path.to_vec();
        sub_path.push(PathSegment::TypeCondition(vec![object.to_string()]));
        let child = self.group_for(group, target, &sub_path, &[], (object, &representation));
        let wanted = SelectionSet {
            items: fields
                .into_iter()
                .map(crate::selection::Selection::Field)
                .collect(),
        };
        let child_selection =
            self.plan_level(child, target, object, &wanted, &sub_path, None, true)?;
        let child_group = &mut self.groups[child];
        match child_group.entities.iter_mut().find(|(t, _)| t == object) {
            Some((_, existing)) => existing.merge(representation),
            None => child_group.entities.push((object.clone(), representation)),
        }
        child_group
            .selection
            .merge_fragment(Some(object.clone()), child_selection);
        Ok(())
    }
}

//! Splitting a field between subgraphs: when the current subgraph resolves a field but not
//! everything selected below it, and the type below has no @key to jump by, the part it can
//! answer stays in its fetch and the rest is fetched through the parent, from another subgraph
//! that resolves the same field (a `@shareable` field returning a value type). Also the check
//! for abstract types a subgraph knows no implementation of.

use super::planner::Planner;
use super::{PathSegment, PlanError};
use crate::selection::{Field, SelectionSet};
use crate::supergraph::GraphId;
use apollo_compiler::Name;

impl Planner<'_> {
    /// Returns the field as planned in `graph` with the sub-fields it resolves, and the field
    /// with the other sub-fields, left for a jump at the parent. `None` when nothing below the
    /// field can stay, or when it is not an object type, or when the kept part does not plan.
    pub(super) fn split_field(
        &mut self,
        group: usize,
        graph: GraphId,
        (field, declared): (&Field, &apollo_compiler::ast::Type),
        sub_path: &[PathSegment],
        sub_provided: Option<&SelectionSet>,
    ) -> Option<(Field, Field)> {
        let sub_selection = field.selection_set.as_ref()?;
        let return_type = declared.inner_named_type().clone();
        // At any depth: a value type below may itself be split between the subgraphs.
        let (here, elsewhere) =
            self.split_below(graph, &return_type, sub_selection, sub_provided)?;
        if elsewhere.is_empty() {
            return None;
        }
        let saved = self.groups.clone();
        match self.plan_level(
            group,
            graph,
            &return_type,
            &here,
            sub_path,
            sub_provided,
            false,
        ) {
            Ok(planned) => Some((
                Field {
                    selection_set: Some(planned),
                    ty: declared.clone(),
                    ..field.clone()
                },
                Field {
                    selection_set: Some(elsewhere),
                    ..field.clone()
                },
            )),
            Err(_) => {
                self.groups = saved;
                None
            }
        }
    }

    /// An abstract type none of whose object types the subgraph knows: the objects it returns
    /// can never be given a concrete type, so a field the subgraph cannot answer on the
    /// abstract type itself cannot be fetched from anywhere else either.
    pub(super) fn check_fields_without_implementations(
        &self,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        provided: Option<&SelectionSet>,
    ) -> Result<(), PlanError> {
        let fields = self.collect_fields(selection, ty);
        for field in fields.fields().filter(|f| !f.name.starts_with("__")) {
            if self
                .resolvable_here(graph, ty, field, provided, false)
                .is_none()
            {
                return Err(PlanError::Unsatisfiable {
                    coordinate: format!("{ty}.{}", field.name),
                    reason: format!(
                        "subgraph `{}` knows no object type of `{ty}`, so no other subgraph can be asked for it",
                        self.graph_name(graph)
                    ),
                });
            }
        }
        Ok(())
    }
}

//! Shareable root fields over value types that no single subgraph resolves wholly (`product {
//! name price category }` with each field in another subgraph, `viewer { aMedia bMedia }`): the
//! same root field is fetched from several subgraphs in parallel, each for the part of the
//! selection it resolves, at any depth, and the executor deep-merges their answers (objects key
//! by key, lists element by element, by position). At each step the subgraph that leaves the
//! least unresolved is taken, which gives the fewest fetches for the selections seen in
//! practice.

use super::PlanError;
use super::planner::{Planner, provided_below};
use crate::selection::{Field, Selection, SelectionSet};
use crate::supergraph::GraphId;
use apollo_compiler::Name;

impl Planner<'_> {
    /// The parts of a root field, each with the subgraph that fetches it. Fails when what is
    /// left after every useful subgraph still has fields no subgraph resolves there.
    pub(super) fn split_root_field(
        &mut self,
        root_type: &Name,
        field: &Field,
    ) -> Result<Vec<(GraphId, Field)>, PlanError> {
        let mut unused: Vec<GraphId> = self
            .type_info(root_type)?
            .fields
            .get(&field.name)
            .map(|info| {
                info.graphs
                    .iter()
                    .filter(|g| !g.external && g.is_active(self.labels_on))
                    .map(|g| g.graph)
                    .collect()
            })
            .unwrap_or_default();
        let mut parts = Vec::new();
        let mut remaining = field.clone();
        loop {
            let mut best: Option<(usize, usize, Field, Option<Field>)> = None;
            for (index, &graph) in unused.iter().enumerate() {
                let (here, rest) = self.value_split(graph, root_type, &remaining, None);
                let Some(here) = here else { continue };
                let left = rest.as_ref().map_or(0, leaf_count);
                if best.as_ref().is_none_or(|(fewest, ..)| left < *fewest) {
                    best = Some((left, index, here, rest));
                }
            }
            let Some((_, index, here, rest)) = best else {
                return Err(PlanError::Unsatisfiable {
                    coordinate: format!("{root_type}.{}", field.name),
                    reason: format!(
                        "no subgraph that resolves this root field resolves `{}` below it",
                        remaining
                            .selection_set
                            .as_ref()
                            .map_or_else(String::new, SelectionSet::to_graphql)
                    ),
                });
            };
            parts.push((unused.remove(index), here));
            match rest {
                None => return Ok(parts),
                Some(rest) => remaining = rest,
            }
        }
    }

    /// `field` (selected on `parent`) as far as `graph` resolves it, and the rest; `None` for
    /// a side that is empty. A part of the selection that plans in `graph` as a whole (entity
    /// jumps included) stays whole; below a value type it does not, the split goes deeper.
    fn value_split(
        &mut self,
        graph: GraphId,
        parent: &Name,
        field: &Field,
        provided: Option<&SelectionSet>,
    ) -> (Option<Field>, Option<Field>) {
        let whole = SelectionSet {
            items: vec![Selection::Field(field.clone())],
        };
        let plans_whole = |p: &mut Self| {
            p.trial(|p| {
                let id = p.new_group(graph, None, Vec::new());
                p.plan_level(id, graph, parent, &whole, &[], provided, false)
            })
            .is_some()
        };
        let Some(field_in_graph) = self.resolvable_here(graph, parent, field, provided, false)
        else {
            // A field `graph` does not define may still be reached from it by the key of an
            // entity below a value type (`category { name }` with `name` only behind
            // `Category`'s key): kept here, it need not come back through a subgraph the
            // jump chain has already entered.
            if plans_whole(self) {
                return (Some(field.clone()), None);
            }
            return (None, Some(field.clone()));
        };
        let Some(sub) = &field.selection_set else {
            return (Some(field.clone()), None);
        };
        let sub_provided = match &field_in_graph.provides {
            Some(provides) => Some(provides.clone()),
            None => provided.map(|p| provided_below(p, &field.name)),
        };
        if plans_whole(self) {
            return (Some(field.clone()), None);
        }
        let return_type = self
            .field_type_in(graph, parent, field)
            .inner_named_type()
            .clone();
        let Some((here, rest)) = self.split_below(graph, &return_type, sub, sub_provided.as_ref())
        else {
            return (None, Some(field.clone()));
        };
        let with = |set: SelectionSet| Field {
            selection_set: Some(set),
            ..field.clone()
        };
        let rest = (!rest.is_empty()).then(|| with(rest));
        (Some(with(here)), rest)
    }

    /// A selection on the object type `ty` split into what `graph` resolves (at any depth) and
    /// the rest. `None` when `ty` is abstract or `graph` resolves nothing but `__typename`.
    pub(super) fn split_below(
        &mut self,
        graph: GraphId,
        ty: &Name,
        selection: &SelectionSet,
        provided: Option<&SelectionSet>,
    ) -> Option<(SelectionSet, SelectionSet)> {
        if self.supergraph.type_info(ty)?.is_abstract() {
            return None;
        }
        let mut here = SelectionSet::default();
        let mut rest = SelectionSet::default();
        for sub_field in self.collect_fields(selection, ty).fields() {
            if sub_field.name == "__typename" {
                here.merge_field(sub_field.clone());
                continue;
            }
            let (kept, left) = self.value_split(graph, ty, sub_field, provided);
            if let Some(kept) = kept {
                here.merge_field(kept);
            }
            if let Some(left) = left {
                rest.merge_field(left);
            }
        }
        let resolves_something = here.fields().any(|f| f.name != "__typename");
        resolves_something.then_some((here, rest))
    }
}

/// How many leaf fields a field selects below it (itself, when it has no selection).
fn leaf_count(field: &Field) -> usize {
    match &field.selection_set {
        None => 1,
        Some(set) => set.fields().map(leaf_count).sum(),
    }
}

//! Choices between subgraphs: several can serve a root field (`@shareable`) or take a jump;
//! each candidate is planned on a copy of the groups and the cheapest wins.

use super::PlanError;
use super::planner::Planner;
use crate::selection::{Field, Selection, SelectionSet};
use crate::supergraph::GraphId;
use apollo_compiler::Name;
use apollo_compiler::ast::OperationType;

impl Planner<'_> {
    /// Runs `attempt` and returns its cost, then undoes it: how many fetch groups it added,
    /// then how many fields all entity fetches select (fewer fields fetched through
    /// `_entities` breaks ties, as when one subgraph `@provides` what another must fetch).
    pub(super) fn trial<T>(
        &mut self,
        attempt: impl FnOnce(&mut Self) -> Result<T, PlanError>,
    ) -> Option<(usize, usize)> {
        let saved = self.groups.clone();
        let before = self.groups.len();
        let result = attempt(self);
        let added = self.groups.len() - before;
        let entity_fields = self
            .groups
            .iter()
            .filter(|g| g.parent.is_some())
            .map(|g| count_fields(&g.selection))
            .sum();
        self.groups = saved;
        result.ok().map(|_| (added, entity_fields))
    }

    pub(super) fn choose_root_graph(
        &mut self,
        root_type: &Name,
        field: &Field,
        runs: &[(GraphId, SelectionSet)],
        kind: OperationType,
    ) -> Result<GraphId, PlanError> {
        let info = self.type_info(root_type)?;
        let coordinate = format!("{root_type}.{}", field.name);
        let field_info = info
            .fields
            .get(&field.name)
            .ok_or_else(|| PlanError::Unsatisfiable {
                coordinate: coordinate.clone(),
                reason: "the field is not in the supergraph".into(),
            })?;
        let mut candidates: Vec<GraphId> = field_info
            .graphs
            .iter()
            .filter(|fg| !fg.external && fg.is_active(self.labels_on))
            .map(|fg| fg.graph)
            .collect();
        // Between equally cheap subgraphs the first in `join__Graph` order wins, whatever the
        // order of the field's `@join__field`s: Apollo's planner keeps the first of equal-cost
        // plans, and its options follow the supergraph's subgraph order.
        candidates.sort_unstable();
        candidates.dedup();
        match candidates.as_slice() {
            [] => Err(PlanError::Unsatisfiable {
                coordinate,
                reason: "no subgraph resolves this root field".into(),
            }),
            [only] => Ok(*only),
            _ => {
                if kind == OperationType::Mutation
                    && let Some((last, _)) = runs.last()
                    && candidates.contains(last)
                {
                    return Ok(*last);
                }
                let set = SelectionSet {
                    items: vec![Selection::Field(field.clone())],
                };
                let mut best: Option<((usize, usize), GraphId)> = None;
                for graph in candidates {
                    let cost = self.trial(|p| {
                        let id = p.new_group(graph, None, Vec::new());
                        p.plan_level(id, graph, root_type, &set, &[], None, false)
                    });
                    let Some((added, entity_fields)) = cost else {
                        continue;
                    };
                    // A subgraph already fetched from costs no new request.
                    let added = if runs.iter().any(|(g, _)| *g == graph) {
                        (added - 1, entity_fields)
                    } else {
                        (added, entity_fields)
                    };
                    if best.is_none_or(|(c, _)| added < c) {
                        best = Some((added, graph));
                    }
                }
                best.map(|(_, g)| g).ok_or_else(|| PlanError::Unsatisfiable {
                    coordinate,
                    reason: "no subgraph that resolves this root field can resolve the whole selection below it".into(),
                })
            }
        }
    }
}

/// How many fields a selection holds, at every depth.
fn count_fields(set: &SelectionSet) -> usize {
    set.fields()
        .map(|f| 1 + f.selection_set.as_ref().map_or(0, count_fields))
        .sum()
}

//! Running a `Parallel` whose children's leading fetches are batched ([`FetchBatch`]): each
//! batch collects the representations of all its fetches, sends one request, and merges each
//! fetch's `_ek` list in plan order; a child's other nodes start as soon as its own fetch has
//! merged. Children outside every batch run as usual, alongside.
//!
//! Merging in plan order keeps every wait pointing at an earlier fetch (a fetch's
//! `merge_after`, the batch member before it, the fetch a child's next nodes follow), so no
//! batch waits on work that waits on it.

use super::entities::{self, EntityAnswer, Representations, Targets};
use super::{
    Received, State, aliases, entity_count_error, entity_errors, entity_list, request_body,
};
use crate::error::{ErrorCode, GraphqlError};
use crate::plan::{FetchBatch, FetchNode, PathSegment, PlanNode, leading_fetch};
use futures::future::join_all;
use serde_json::{Map, Value};

/// A batched child: its leading fetch, where that fetch's objects are, and what follows it.
struct Member<'p> {
    field: usize,
    path: &'p [PathSegment],
    fetch: &'p FetchNode,
    rest: &'p [PlanNode],
}

impl State<'_> {
    pub(super) async fn run_batched(&self, nodes: &[PlanNode], batches: &[FetchBatch]) {
        let mut batched = vec![false; nodes.len()];
        let mut runs = Vec::new();
        for batch in batches {
            let mut members = Vec::with_capacity(batch.members.len());
            for member in &batch.members {
                let Some(node) = nodes.get(member.child) else {
                    continue;
                };
                // A child not shaped as the planner shapes batched children runs on its own.
                if let Some((path, fetch, rest)) = leading_fetch(node) {
                    batched[member.child] = true;
                    members.push(Member {
                        field: member.field,
                        path,
                        fetch,
                        rest,
                    });
                }
            }
            runs.push(self.run_batch(batch, members));
        }
        let alone = nodes
            .iter()
            .zip(&batched)
            .filter(|(_, batched)| !**batched)
            .map(|(node, _)| self.run(node));
        futures::join!(join_all(runs), join_all(alone));
    }

    async fn run_batch(&self, batch: &FetchBatch, members: Vec<Member<'_>>) {
        // Every field the operation declares gets its list, even one whose members all ran on
        // their own: the subgraph requires each declared `$rK`.
        let fields = batch.members.iter().map(|m| m.field + 1).max().unwrap_or(0);
        let mut representations: Vec<Representations<'_>> =
            (0..fields).map(|_| Representations::default()).collect();
        let mut targets: Vec<Targets> = (0..members.len()).map(|_| Targets::default()).collect();
        {
            let data = self.data.lock().unwrap_or_else(|e| e.into_inner());
            for (member, targets) in members.iter().zip(&mut targets) {
                let field = &mut representations[member.field];
                entities::visit_representations(
                    &data,
                    member.fetch,
                    member.path,
                    &mut |positions, text, typename| {
                        targets.push(positions, field.index_of(text, typename));
                    },
                );
            }
        }
        let merging = async {
            let answer = match self.request_batch(batch, &members, &representations).await {
                Some(Ok(answer)) => Some(answer),
                Some(Err(error)) => {
                    *self.failed.lock().unwrap_or_else(|e| e.into_inner()) = true;
                    self.push_error(error);
                    None
                }
                None => None,
            };
            let mut answer = answer;
            let mut fields = answer
                .as_mut()
                .map(|answer| split_answer(answer, &members, &representations, &targets));
            for (index, member) in members.iter().enumerate() {
                self.wait_for_merged(&member.fetch.merge_after).await;
                if let Some((general_errors, fields)) = &mut fields {
                    self.merge_member(
                        batch,
                        &members,
                        index,
                        general_errors,
                        fields,
                        &representations,
                        &targets,
                    );
                }
                self.mark_merged(member.fetch.id);
            }
        };
        let rests = members.iter().map(|member| async move {
            self.wait_for_merged(&[member.fetch.id]).await;
            for node in member.rest {
                self.run(node).await;
            }
        });
        futures::join!(merging, join_all(rests));
    }

    /// The batch's one request and its parsed answer; `None` when no fetch has an object.
    async fn request_batch(
        &self,
        batch: &FetchBatch,
        members: &[Member<'_>],
        representations: &[Representations<'_>],
    ) -> Option<Result<Received, GraphqlError>> {
        let first = members.first()?;
        if representations.iter().all(|r| r.texts.is_empty()) {
            return None;
        }
        let mut variables = Map::new();
        for name in &batch.variable_usages {
            if let Some(value) = self.variables.get(name) {
                variables.insert(name.clone(), value.clone());
            }
        }
        let names: Vec<String> = (0..representations.len())
            .map(|field| format!("r{field}"))
            .collect();
        let lists: Vec<(&str, &[Vec<u8>])> = names
            .iter()
            .zip(representations)
            .map(|(name, r)| (name.as_str(), &r.texts[..]))
            .collect();
        let body = match request_body(&batch.operation, &variables, &lists) {
            Ok(body) => body,
            Err(error) => {
                return Some(Err(GraphqlError::new(
                    format!(
                        "cannot serialise the request to `{}`: {error}",
                        batch.service_name
                    ),
                    ErrorCode::InternalServerError,
                )));
            }
        };
        Some(self.send(first.fetch, body.into()).await)
    }

    /// Merges member `index`'s entities, first reporting the errors that go with them: each
    /// error of its `_entities` field at the member's objects (as the member's own request
    /// would have had it), and, with the field's first member, the errors of no field and
    /// those that name a representation no object of the batch came from.
    #[allow(clippy::too_many_arguments)]
    fn merge_member(
        &self,
        batch: &FetchBatch,
        members: &[Member<'_>],
        index: usize,
        general_errors: &mut Vec<Value>,
        fields: &mut [FieldAnswer<'_>],
        representations: &[Representations<'_>],
        targets: &[Targets],
    ) {
        let member = &members[index];
        let service = batch.service_name.as_str();
        let field = &mut fields[member.field];
        let sent_typenames = &representations[member.field].sent_typenames;
        let mut merged = self.data.lock().unwrap_or_else(|e| e.into_inner());
        for error in general_errors.drain(..) {
            self.push_error(GraphqlError::from_subgraph_json(&error).with_service(service));
        }
        let first_of_field = !field.reported;
        field.reported = true;
        if !field.errors.is_empty() {
            let object_paths = targets[index].paths(&merged, member.path);
            let mine: Vec<usize> = targets[index].representations().collect();
            for error in &field.errors {
                let named = entity_errors::entity_index(error);
                let reported_here = match named {
                    Some(named) if mine.contains(&named) => true,
                    // An index no object of the field came from: reported once, without a path.
                    Some(named) => first_of_field && !field.used.contains(&named),
                    None => true,
                };
                if !reported_here {
                    continue;
                }
                self.push_entity_error(error, member.fetch, &object_paths, &field.answer.entities);
            }
        }
        let count = field.answer.entities.len();
        if first_of_field && count != sent_typenames.len() && !field.answer_had_errors {
            self.push_error(entity_count_error(service, count, sent_typenames.len()));
        }
        field
            .answer
            .merge_into(&mut merged, member.path, &targets[index], sent_typenames);
    }
}

/// One `_entities` field of a batch's answer, with its errors (their paths starting at
/// `_entities`, as for a fetch sent alone).
struct FieldAnswer<'a> {
    answer: EntityAnswer<'a>,
    errors: Vec<Value>,
    /// Whether its first member has merged (and reported what only it reports).
    reported: bool,
    /// The representations some object of the field came from.
    used: Vec<usize>,
    /// Whether the answer had any error: a list too short is then explained by it.
    answer_had_errors: bool,
}

/// The answer's errors that belong to no field, and each field's entities and errors.
fn split_answer<'a>(
    answer: &'a mut Received,
    members: &[Member<'_>],
    representations: &[Representations<'_>],
    targets: &[Targets],
) -> (Vec<Value>, Vec<FieldAnswer<'a>>) {
    let names: Vec<String> = (0..representations.len())
        .map(|field| format!("_e{field}"))
        .collect();
    let mut field_errors: Vec<Vec<Value>> = vec![Vec::new(); names.len()];
    let mut general_errors = Vec::new();
    let (errors, mut data) = answer.parts();
    let answer_had_errors = !errors.is_empty();
    for mut error in errors {
        let first = error
            .pointer("/path/0")
            .and_then(Value::as_str)
            .and_then(|first| names.iter().position(|name| name == first));
        match first {
            Some(field) => {
                error["path"][0] = Value::String("_entities".into());
                field_errors[field].push(error);
            }
            None => general_errors.push(error),
        }
    }
    let fields = names
        .iter()
        .zip(field_errors)
        .enumerate()
        .map(|(field, (name, errors))| {
            let mut entities = entity_list(&mut data, name);
            let internal_aliases = members
                .iter()
                .find(|m| m.field == field)
                .is_some_and(|m| m.fetch.internal_aliases);
            if internal_aliases {
                entities.to_mut().iter_mut().for_each(aliases::restore);
            }
            let field_targets = || {
                members
                    .iter()
                    .zip(targets)
                    .filter(move |(m, _)| m.field == field)
                    .map(|(_, targets)| targets)
            };
            let used = if errors.is_empty() {
                Vec::new()
            } else {
                field_targets().flat_map(Targets::representations).collect()
            };
            let sent_typenames = &representations[field].sent_typenames;
            FieldAnswer {
                answer: EntityAnswer::new(entities, &errors, sent_typenames, field_targets()),
                errors,
                reported: false,
                used,
                answer_had_errors,
            }
        })
        .collect();
    (general_errors, fields)
}

//! The execution stage: runs a [`QueryPlan`] against the subgraphs and merges their answers
//! into one response tree (shaped for the client afterwards by [`crate::response`]).
//!
//! Entry point: [`execute_plan`]. Its steps, for every node of the plan:
//! 1. Sequence: children one after another; Parallel: children at the same time;
//! 2. Fetch: build the variables (and, under a Flatten, the deduplicated representations of the
//!    objects at the path, skipping objects whose key is null; one request per distinct set of
//!    `@fromContext` values, read from each object's context ancestor), send it through the transport
//!    under the subgraph's timeout, parse the answer once into [`Data`], and merge `data` (or
//!    each `_entities` item, into the object its representation came from, found again by its
//!    list positions) as it lands, or, where the plan says the fetch writes places an earlier
//!    fetch running alongside writes too, after that fetch has merged (plan order, not arrival
//!    order);
//! 3. subgraph errors are re-pathed to where they belong in the client's response; a subgraph
//!    that fails adds an error naming it and leaves its part of the data missing.

mod aliases;
mod context;
mod dedup;
mod entity_errors;
mod paths;
mod representation;
mod stepwise;
pub mod transport;

use crate::data::{Data, FastMap, FxHasher, parse, write};
use crate::error::{ErrorCode, GraphqlError, PathItem};
use crate::plan::{FetchNode, PathSegment, PlanNode, QueryPlan};
use bytes::Bytes;
pub use dedup::DedupTransport;
use futures::future::{BoxFuture, join_all};
use serde_json::{Map, Value};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Mutex;
use std::time::Duration;
use tokio::sync::Notify;
pub use transport::{HttpTransport, SubgraphRequest, SubgraphTransport, TransportError};

pub use paths::deep_merge;
pub(crate) use paths::objects_at;
pub use stepwise::Stepwise;

/// Where subgraphs live and how long they may take.
pub struct ExecutionSettings<'a> {
    pub transport: &'a dyn SubgraphTransport,
    /// Subgraph URLs by service name (the supergraph's, or overridden by configuration).
    pub urls: &'a HashMap<String, String>,
    /// The longest one fetch may take in all: a backstop, as the resilience layers time each
    /// attempt with the subgraph's own timeout.
    pub timeout: Duration,
    /// The headers of each subgraph's requests, from the client's by the header rules.
    pub headers: crate::headers::SubgraphHeaders,
    /// Where the headers of the subgraphs' answers go ([`crate::headers::SubgraphAnswers`]).
    pub response_headers: Option<std::sync::Arc<dyn transport::AnswerHeaders>>,
    /// The client's operation name, for the fetch spans of a trace.
    pub operation_name: Option<&'a str>,
}

/// The merged data of every fetch, and every error met on the way.
#[derive(Debug)]
pub struct Execution {
    pub data: Data,
    pub errors: Vec<GraphqlError>,
    /// True when some fetch failed as a whole, so missing data is already explained by an error.
    pub had_fetch_failure: bool,
}

/// Runs the plan; see the module documentation for the steps.
pub async fn execute_plan(
    plan: &QueryPlan,
    variables: &Map<String, Value>,
    settings: &ExecutionSettings<'_>,
) -> Execution {
    let state = State::new(settings, variables);
    if let Some(node) = &plan.node {
        state.run(node).await;
    }
    Execution {
        data: state.data.into_inner().unwrap_or_else(|e| e.into_inner()),
        errors: state.errors.into_inner().unwrap_or_else(|e| e.into_inner()),
        had_fetch_failure: state.failed.into_inner().unwrap_or_else(|e| e.into_inner()),
    }
}

struct State<'a> {
    settings: &'a ExecutionSettings<'a>,
    variables: &'a Map<String, Value>,
    data: Mutex<Data>,
    errors: Mutex<Vec<GraphqlError>>,
    failed: Mutex<bool>,
    /// The fetches (by id) whose answers are merged, and a signal each time one is.
    merged: Mutex<Vec<usize>>,
    merge_turn: Notify,
}

impl<'a> State<'a> {
    fn new(settings: &'a ExecutionSettings<'a>, variables: &'a Map<String, Value>) -> Self {
        Self {
            settings,
            variables,
            data: Mutex::new(Data::object()),
            errors: Mutex::new(Vec::new()),
            failed: Mutex::new(false),
            merged: Mutex::new(Vec::new()),
            merge_turn: Notify::new(),
        }
    }
}

/// The JSON body of a subgraph request, written by hand: the representations are JSON text
/// already.
fn request_body(
    query: &str,
    variables: &Map<String, Value>,
    representations: Option<&[Vec<u8>]>,
) -> Result<Vec<u8>, serde_json::Error> {
    let size = representations.map_or(0, |r| r.iter().map(|r| r.len() + 1).sum());
    let mut out = Vec::with_capacity(query.len() + size + 64);
    out.extend_from_slice(b"{\"query\":");
    write::string(&mut out, query);
    out.extend_from_slice(b",\"variables\":{");
    let mut first = true;
    for (name, value) in variables {
        if !first {
            out.push(b',');
        }
        first = false;
        write::string(&mut out, name);
        out.push(b':');
        serde_json::to_writer(&mut out, value)?;
    }
    if let Some(representations) = representations {
        if !first {
            out.push(b',');
        }
        out.extend_from_slice(b"\"representations\":[");
        for (i, representation) in representations.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(representation);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}}");
    Ok(out)
}

/// Writes the representation of `object` for `shape` into `text` (cleared first); false when
/// the object cannot be fetched (a key or required field is missing or null).
fn representation_text(
    object: &crate::data::Object,
    shape: &crate::plan::EntityRepresentation,
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

/// What a fetch under a Flatten sends, and where each answer goes back.
struct EntityBatch<'f> {
    /// Each distinct representation as JSON text, and the `__typename` it was sent with.
    representations: Vec<Vec<u8>>,
    sent_typenames: Vec<&'f str>,
    /// For each object: its list positions (a range of `positions`, see
    /// [`paths::positions_at`]) and the index of its representation.
    targets: Vec<(Range<usize>, usize)>,
    positions: Vec<u32>,
}

impl EntityBatch<'_> {
    /// The response path of every target, for errors.
    fn target_paths(&self, data: &Data, path: &[PathSegment]) -> Vec<(Vec<PathItem>, usize)> {
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

impl State<'_> {
    fn run<'s>(&'s self, node: &'s PlanNode) -> BoxFuture<'s, ()> {
        Box::pin(async move {
            match node {
                PlanNode::Sequence { nodes } => {
                    for child in nodes {
                        self.run(child).await;
                    }
                }
                PlanNode::Parallel { nodes } => {
                    join_all(nodes.iter().map(|child| self.run(child))).await;
                }
                PlanNode::Fetch(fetch) => self.fetch(fetch, None).await,
                // Run whole (the HTTP layer delivers parts one by one through `Run`).
                PlanNode::Defer { primary, deferred } => {
                    if let Some(primary) = primary {
                        self.run(primary).await;
                    }
                    for part in deferred {
                        if let Some(node) = &part.node {
                            self.run(node).await;
                        }
                    }
                }
                PlanNode::Flatten { path, node } => match node.as_ref() {
                    PlanNode::Fetch(fetch) => self.fetch(fetch, Some(path)).await,
                    other => self.run(other).await,
                },
            }
        })
    }

    fn push_error(&self, error: GraphqlError) {
        self.errors
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(error);
    }

    /// The representations of the objects at `path`, deduplicated, in one batch; or, when the
    /// fetch takes context arguments, one batch per distinct set of context values, with those
    /// values as variables.
    fn entity_batches<'f>(
        &self,
        fetch: &'f FetchNode,
        path: &[PathSegment],
    ) -> Vec<(Map<String, Value>, EntityBatch<'f>)> {
        let data = self.data.lock().unwrap_or_else(|e| e.into_inner());
        let mut batches: Vec<(Map<String, Value>, EntityBatch<'f>)> = Vec::new();
        // Representations by (batch, hash of their text): most objects repeat one sent
        // already, found without a copy of its text; a hash shared by two texts falls back to
        // comparing with every representation of the batch.
        let mut index_of: FastMap<(usize, u64), usize> = FastMap::default();
        let mut text = Vec::with_capacity(128);
        let mut typename_hint = 0;
        paths::positions_at(&data, path, &mut Vec::new(), &mut |positions, object| {
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
            if !representation_text(object, shape, &mut text) {
                return;
            }
            let context = if fetch.context_arguments.is_empty() {
                Map::new()
            } else {
                let object_path = paths::concrete_path(&data, path, positions).unwrap_or_default();
                context::variables_for(&data, &object_path, &fetch.context_arguments)
            };
            let which = match batches.iter().position(|(c, _)| *c == context) {
                Some(which) => which,
                None => {
                    batches.push((
                        context,
                        EntityBatch {
                            representations: Vec::new(),
                            sent_typenames: Vec::new(),
                            targets: Vec::new(),
                            positions: Vec::new(),
                        },
                    ));
                    batches.len() - 1
                }
            };
            let batch = &mut batches[which].1;
            let hash = FxHasher::hash_bytes(&text);
            let known = match index_of.get(&(which, hash)) {
                Some(&index) if batch.representations[index] == text => Some(index),
                Some(_) => batch.representations.iter().position(|r| *r == text),
                None => None,
            };
            let index = known.unwrap_or_else(|| {
                index_of
                    .entry((which, hash))
                    .or_insert(batch.representations.len());
                batch.representations.push(text.clone());
                batch.sent_typenames.push(shape.type_name.as_str());
                batch.representations.len() - 1
            });
            let start = batch.positions.len();
            batch.positions.extend_from_slice(positions);
            batch.targets.push((start..batch.positions.len(), index));
        });
        batches
    }

    async fn fetch(&self, fetch: &FetchNode, path: Option<&[PathSegment]>) {
        let mut variables = Map::new();
        for name in &fetch.variable_usages {
            if let Some(value) = self.variables.get(name) {
                variables.insert(name.clone(), value.clone());
            }
        }
        let answers = match path {
            None => vec![(None, self.request(fetch, &variables, None).await)],
            Some(path) => {
                let batches = self.entity_batches(fetch, path);
                join_all(batches.into_iter().map(|(context, batch)| {
                    let mut variables = variables.clone();
                    variables.extend(context);
                    async move {
                        let answer = self
                            .request(fetch, &variables, Some(&batch.representations))
                            .await;
                        (Some(batch), answer)
                    }
                }))
                .await
            }
        };
        if !answers.is_empty() {
            self.wait_for_turn(fetch).await;
        }
        for (batch, answer) in answers {
            match answer {
                Ok(response) => self.merge_response(fetch, path, batch, response),
                Err(error) => {
                    *self.failed.lock().unwrap_or_else(|e| e.into_inner()) = true;
                    self.push_error(error);
                }
            }
        }
        self.merged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(fetch.id);
        self.merge_turn.notify_waiters();
    }

    /// Waits until the fetches this one must merge after have merged (see
    /// [`FetchNode::merge_after`]): they may run alongside it and write the same places.
    async fn wait_for_turn(&self, fetch: &FetchNode) {
        if fetch.merge_after.is_empty() {
            return;
        }
        loop {
            // Registered before the check, so a merge between the check and the wait wakes it.
            let turn = self.merge_turn.notified();
            {
                let merged = self.merged.lock().unwrap_or_else(|e| e.into_inner());
                if fetch.merge_after.iter().all(|id| merged.contains(id)) {
                    return;
                }
            }
            turn.await;
        }
    }

    /// Sends one request of the fetch: the subgraph's answer, or the error that stands for it.
    async fn request(
        &self,
        fetch: &FetchNode,
        variables: &Map<String, Value>,
        representations: Option<&[Vec<u8>]>,
    ) -> Result<parse::Answer, GraphqlError> {
        let body = request_body(&fetch.operation, variables, representations).map_err(|error| {
            GraphqlError::new(
                format!(
                    "cannot serialise the request to `{}`: {error}",
                    fetch.service_name
                ),
                ErrorCode::InternalServerError,
            )
        })?;
        self.send(fetch, body.into()).await
    }

    async fn send(&self, fetch: &FetchNode, body: Bytes) -> Result<parse::Answer, GraphqlError> {
        let service = fetch.service_name.as_str();
        let url = self.settings.urls.get(service).cloned().unwrap_or_default();
        let mut span = crate::telemetry::traces::fetch_span(fetch, self.settings.operation_name);
        let request = SubgraphRequest {
            service_name: service.to_string(),
            url,
            body,
            headers: self.settings.headers.for_subgraph(service),
            deduplicate: fetch.operation_kind == crate::plan::OperationKind::Query,
            traceparent: span.traceparent(),
            response_headers: self.settings.response_headers.clone(),
        };
        let timeout = self.settings.timeout;
        let started = std::time::Instant::now();
        let answer = tokio::time::timeout(timeout, self.settings.transport.send(request)).await;
        let answer = parse_answer(service, timeout, answer);
        let code = answer.as_ref().err().and_then(GraphqlError::code);
        crate::telemetry::metrics::record_fetch(service, started.elapsed(), code);
        if let Err(error) = &answer {
            span.set_error(error.message.clone());
        }
        answer
    }

    fn merge_response(
        &self,
        fetch: &FetchNode,
        path: Option<&[PathSegment]>,
        batch: Option<EntityBatch<'_>>,
        mut response: parse::Answer,
    ) {
        let service = fetch.service_name.as_str();
        let errors = response.take_errors();
        let mut data = response.data.take().unwrap_or(Data::Null);
        if fetch.internal_aliases {
            aliases::restore(&mut data);
        }
        let mut merged = self.data.lock().unwrap_or_else(|e| e.into_inner());
        let (Some(batch), Some(path)) = (batch, path) else {
            for error in &errors {
                self.push_error(
                    aliases::restore_path(
                        GraphqlError::from_subgraph_json(error),
                        fetch.internal_aliases,
                    )
                    .with_service(service),
                );
            }
            deep_merge(&mut merged, data);
            return;
        };
        let entities = match data {
            Data::Object(mut data) => match data.remove("_entities") {
                Some(Data::List(entities)) => entities,
                _ => Vec::new(),
            },
            _ => Vec::new(),
        };
        if !errors.is_empty() {
            let targets = batch.target_paths(&merged, path);
            for error in &errors {
                self.push_error(
                    entity_errors::repath_entity_error(
                        aliases::restore_path(
                            GraphqlError::from_subgraph_json(error),
                            fetch.internal_aliases,
                        ),
                        &targets,
                        &entities,
                    )
                    .with_service(service),
                );
            }
        }
        if entities.len() != batch.representations.len() && errors.is_empty() {
            self.push_error(
                GraphqlError::new(
                    format!(
                        "subgraph `{service}` answered {} entities for {} representations",
                        entities.len(),
                        batch.representations.len()
                    ),
                    ErrorCode::SubgraphRequestFailed,
                )
                .with_service(service),
            );
        }
        // Each entity is moved into its last target; the others take what they lack from it
        // by reference (cloned field by field, never the whole entity).
        let mut uses = vec![0usize; entities.len()];
        for (_, index) in &batch.targets {
            if let Some(count) = uses.get_mut(*index) {
                *count += 1;
            }
        }
        let nulled = entities_nulled_by_errors(&errors, &entities);
        let mut entities = entities;
        let positions: Vec<&[u32]> = batch
            .targets
            .iter()
            .map(|(range, _)| &batch.positions[range.clone()])
            .collect();
        // Whether each entity came back under the name it was sent with: looked up once per
        // entity, not once per object sharing it.
        let named_as_sent: Vec<bool> = entities
            .iter()
            .zip(&batch.sent_typenames)
            .map(|(entity, sent)| entity.get("__typename").and_then(Data::as_str) == Some(*sent))
            .collect();
        paths::for_each_target_mut(
            &mut merged,
            path,
            &positions,
            &mut |target_index, target| {
                let index = batch.targets[target_index].1;
                let Some(slot) = entities.get_mut(index) else {
                    return;
                };
                // The subgraph nulled the entity for an error inside it (a non-null field
                // failed): the object is null, and shaping moves the null up from there.
                if nulled.contains(&index) {
                    *target = Data::Null;
                    return;
                }
                // An object sent under its interface's name (to an @interfaceObject
                // subgraph) comes back with that name: its concrete type stays. A subgraph
                // that owns the interface answers the concrete type, which replaces it.
                let sent = batch.sent_typenames[index];
                let keeps_its_type = named_as_sent.get(index).copied().unwrap_or(false)
                    && target
                        .get("__typename")
                        .is_some_and(|t| t.as_str() != Some(sent));
                uses[index] -= 1;
                if uses[index] > 0 {
                    paths::deep_merge_from(target, slot, keeps_its_type.then_some("__typename"));
                    return;
                }
                let mut entity = std::mem::take(slot);
                if keeps_its_type && let Data::Object(fields) = &mut entity {
                    fields.remove("__typename");
                }
                deep_merge(target, entity);
            },
        );
    }
}

/// A subgraph's answer (or its absence), parsed, or the error the fetch reports.
fn parse_answer(
    service: &str,
    timeout: Duration,
    answer: Result<Result<Bytes, TransportError>, tokio::time::error::Elapsed>,
) -> Result<parse::Answer, GraphqlError> {
    let bytes = match answer {
        Err(_) => {
            return Err(GraphqlError::new(
                format!("subgraph `{service}` did not answer within {timeout:?}"),
                ErrorCode::SubgraphTimeout,
            )
            .with_service(service));
        }
        Ok(Err(error @ TransportError::Timeout(_))) => {
            return Err(
                GraphqlError::new(format!("subgraph `{service}` {error}"), error.code())
                    .with_service(service),
            );
        }
        Ok(Err(error)) => {
            return Err(GraphqlError::new(
                format!("subgraph `{service}` request failed: {error}"),
                error.code(),
            )
            .with_service(service));
        }
        Ok(Ok(bytes)) => bytes,
    };
    match parse::answer(&bytes) {
        Ok(Some(answer)) if answer.is_graphql() => Ok(answer),
        Ok(_) => Err(GraphqlError::new(
            format!("subgraph `{service}` answered JSON that is not a GraphQL response (no `data` or `errors`)"),
            ErrorCode::SubgraphRequestFailed,
        )
        .with_service(service)),
        Err(error) => Err(GraphqlError::new(
            format!("subgraph `{service}` answered a body that is not JSON: {error}"),
            ErrorCode::SubgraphRequestFailed,
        )
        .with_service(service)),
    }
}

/// The indexes of `_entities` items that are null while an error points inside them: what a
/// subgraph answers when a non-null field of the entity failed. A null item without an error
/// is an entity the subgraph did not find, which leaves the object as it was.
fn entities_nulled_by_errors(errors: &[Value], entities: &[Data]) -> Vec<usize> {
    errors
        .iter()
        .filter_map(|error| {
            let path = error.get("path")?.as_array()?;
            if path.first()?.as_str()? != "_entities" {
                return None;
            }
            let index = usize::try_from(path.get(1)?.as_u64()?).ok()?;
            entities
                .get(index)
                .is_some_and(Data::is_null)
                .then_some(index)
        })
        .collect()
}

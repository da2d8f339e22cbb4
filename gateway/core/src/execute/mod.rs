//! The execution stage: runs a [`QueryPlan`] against the subgraphs and merges their answers
//! into one response tree (shaped for the client afterwards by [`crate::response`]).
//!
//! Entry point: [`execute_plan`]. Its steps, for every node of the plan:
//! 1. Sequence: children one after another; Parallel: children at the same time;
//! 2. Fetch: build the variables (and, under a Flatten, the deduplicated representations of the
//!    objects at the path, skipping objects whose key is null; one request per distinct set of
//!    `@fromContext` values, read from each object's context ancestor), send it through the transport
//!    under the subgraph's timeout, parse the answer once into [`Data`] (once for all the
//!    requesters of a deduplicated request, each merging from it by reference), and merge `data` (or
//!    each `_entities` item, into the object its representation came from, found again by its
//!    list positions) as it lands, or, where the plan says the fetch writes places an earlier
//!    fetch running alongside writes too, after that fetch has merged (plan order, not arrival
//!    order);
//! 3. subgraph errors are re-pathed to where they belong in the client's response; a subgraph
//!    that fails adds an error naming it and leaves its part of the data missing.

mod aliases;
mod batch;
mod context;
mod dedup;
mod entities;
mod entity_errors;
mod paths;
mod representation;
mod shared_parse;
mod stepwise;
pub mod transport;

use crate::data::{Data, parse, write};
use crate::error::{ErrorCode, GraphqlError};
use crate::plan::{FetchNode, PathSegment, PlanNode, QueryPlan};
use bytes::Bytes;
pub use dedup::DedupTransport;
use entities::{EntityAnswer, Representations, Targets};
use futures::future::{BoxFuture, join_all};
use serde_json::{Map, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Notify;
pub use transport::{HttpTransport, SubgraphRequest, SubgraphTransport, TransportError};

pub use paths::deep_merge;
pub(crate) use paths::objects_at;
pub use shared_parse::{ParseSlot, Received, SharedParse};
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
    representations: &[(&str, &[Vec<u8>])],
) -> Result<Vec<u8>, serde_json::Error> {
    let size: usize = representations
        .iter()
        .flat_map(|(_, texts)| texts.iter())
        .map(|text| text.len() + 1)
        .sum();
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
    for (name, texts) in representations {
        if !first {
            out.push(b',');
        }
        first = false;
        write::string(&mut out, name);
        out.extend_from_slice(b":[");
        for (i, text) in texts.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            out.extend_from_slice(text);
        }
        out.push(b']');
    }
    out.extend_from_slice(b"}}");
    Ok(out)
}

/// What a fetch under a Flatten sends, and where each answer goes back.
#[derive(Default)]
struct EntityBatch<'f> {
    representations: Representations<'f>,
    targets: Targets,
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
                PlanNode::Parallel { nodes, batches } if batches.is_empty() => {
                    join_all(nodes.iter().map(|child| self.run(child))).await;
                }
                PlanNode::Parallel { nodes, batches } => self.run_batched(nodes, batches).await,
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

    /// Reports an error of `fetch`'s `_entities` answer at every object its representation came
    /// from (`targets`: each object's response path and representation index).
    fn push_entity_error(
        &self,
        error: &Value,
        fetch: &FetchNode,
        targets: &[(Vec<crate::error::PathItem>, usize)],
        entities: &[Data],
    ) {
        let error = aliases::restore_path(
            GraphqlError::from_subgraph_json(error),
            fetch.internal_aliases,
        );
        for error in entity_errors::repath_entity_error(error, targets, entities) {
            self.push_error(error.with_service(&fetch.service_name));
        }
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
        entities::visit_representations(&data, fetch, path, &mut |positions, text, typename| {
            let context = if fetch.context_arguments.is_empty() {
                Map::new()
            } else {
                let object_path = paths::concrete_path(&data, path, positions).unwrap_or_default();
                context::variables_for(&data, &object_path, &fetch.context_arguments)
            };
            let which = match batches.iter().position(|(c, _)| *c == context) {
                Some(which) => which,
                None => {
                    batches.push((context, EntityBatch::default()));
                    batches.len() - 1
                }
            };
            let batch = &mut batches[which].1;
            let index = batch.representations.index_of(text, typename);
            batch.targets.push(positions, index);
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
            None => vec![(None, self.request(fetch, &variables, &[]).await)],
            Some(path) => {
                let batches = self.entity_batches(fetch, path);
                join_all(batches.into_iter().map(|(context, batch)| {
                    let mut variables = variables.clone();
                    variables.extend(context);
                    async move {
                        let representations =
                            [("representations", &batch.representations.texts[..])];
                        let answer = self.request(fetch, &variables, &representations).await;
                        (Some(batch), answer)
                    }
                }))
                .await
            }
        };
        if !answers.is_empty() {
            self.wait_for_merged(&fetch.merge_after).await;
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
        self.mark_merged(fetch.id);
    }

    /// Records that fetch `id` has merged, waking whoever waits for it.
    fn mark_merged(&self, id: usize) {
        self.merged
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(id);
        self.merge_turn.notify_waiters();
    }

    /// Waits until the fetches `ids` have merged: those a fetch must merge after (see
    /// [`FetchNode::merge_after`], they may run alongside it and write the same places), or
    /// the batched fetch whose results a child's next nodes read.
    async fn wait_for_merged(&self, ids: &[usize]) {
        if ids.is_empty() {
            return;
        }
        loop {
            // Registered before the check, so a merge between the check and the wait wakes it.
            let turn = self.merge_turn.notified();
            {
                let merged = self.merged.lock().unwrap_or_else(|e| e.into_inner());
                if ids.iter().all(|id| merged.contains(id)) {
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
        representations: &[(&str, &[Vec<u8>])],
    ) -> Result<Received, GraphqlError> {
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

    async fn send(&self, fetch: &FetchNode, body: Bytes) -> Result<Received, GraphqlError> {
        let service = fetch.service_name.as_str();
        let url = self.settings.urls.get(service).cloned().unwrap_or_default();
        let mut span = crate::telemetry::traces::fetch_span(fetch, self.settings.operation_name);
        let deduplicate = fetch.operation_kind == crate::plan::OperationKind::Query;
        let slot = deduplicate.then(|| Arc::new(ParseSlot::default()));
        let request = SubgraphRequest {
            service_name: service.to_string(),
            url,
            body,
            headers: self.settings.headers.for_subgraph(service),
            deduplicate,
            traceparent: span.traceparent(),
            response_headers: self.settings.response_headers.clone(),
            shared_parse: slot.clone(),
        };
        let timeout = self.settings.timeout;
        let started = std::time::Instant::now();
        let answer = tokio::time::timeout(timeout, self.settings.transport.send(request)).await;
        let shared = slot.as_deref().and_then(ParseSlot::get);
        let answer = parse_answer(service, timeout, answer, shared.map(Arc::as_ref));
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
        mut response: Received,
    ) {
        let service = fetch.service_name.as_str();
        let (errors, mut data) = response.parts();
        if fetch.internal_aliases {
            aliases::restore(data.to_mut());
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
            match data {
                Cow::Owned(data) => deep_merge(&mut merged, data),
                Cow::Borrowed(data) => paths::deep_merge_from(&mut merged, data, None),
            }
            return;
        };
        let entities = entity_list(&mut data, "_entities");
        let sent_typenames = &batch.representations.sent_typenames;
        if !errors.is_empty() {
            let targets = batch.targets.paths(&merged, path);
            for error in &errors {
                self.push_entity_error(error, fetch, &targets, &entities);
            }
        }
        if entities.len() != sent_typenames.len() && errors.is_empty() {
            self.push_error(entity_count_error(
                service,
                entities.len(),
                sent_typenames.len(),
            ));
        }
        let mut answer = EntityAnswer::new(entities, &errors, sent_typenames, [&batch.targets]);
        answer.merge_into(&mut merged, path, &batch.targets, sent_typenames);
    }
}

/// The list at `field` of an answer's `data` (`_entities`, or a batch's `_eK`): moved out of
/// data held alone, borrowed from shared data; empty when absent or not a list.
fn entity_list<'a>(data: &mut Cow<'a, Data>, field: &str) -> Cow<'a, [Data]> {
    let list = match data {
        Cow::Owned(data) => match data.as_object_mut().and_then(|data| data.remove(field)) {
            Some(Data::List(entities)) => return Cow::Owned(entities),
            _ => None,
        },
        Cow::Borrowed(data) => {
            let data: &'a Data = data;
            data.get(field).and_then(Data::as_list)
        }
    };
    list.map_or(Cow::Owned(Vec::new()), Cow::Borrowed)
}

/// The error for an `_entities` list that does not answer every representation.
fn entity_count_error(service: &str, entities: usize, representations: usize) -> GraphqlError {
    GraphqlError::new(
        format!(
            "subgraph `{service}` answered {entities} entities for {representations} representations"
        ),
        ErrorCode::SubgraphRequestFailed,
    )
    .with_service(service)
}

/// A subgraph's answer (or its absence), parsed, or the error the fetch reports.
fn parse_answer(
    service: &str,
    timeout: Duration,
    answer: Result<Result<Bytes, TransportError>, tokio::time::error::Elapsed>,
    shared: Option<&SharedParse>,
) -> Result<Received, GraphqlError> {
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
    let parsed = match shared {
        Some(shared) => shared.answer(&bytes),
        None => parse::answer(&bytes).map(|answer| answer.map(Received::Owned)),
    };
    match parsed {
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

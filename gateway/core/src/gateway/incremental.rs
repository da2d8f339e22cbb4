//! Incremental delivery of `@defer` (the `deferSpec=20220824` payloads): the primary part is
//! shaped and sent as soon as it is fetched, then each deferred part as its fetches finish.
//! What was sent, every part merged, goes to the audit trail once the answer ends, as a
//! response in one piece does.

use super::{Gateway, GraphqlResponse, PayloadSink, PreparedPlan};
use crate::auth::Identity;
use crate::data::Data;
use crate::error::{GraphqlError, PathItem};
use crate::execute::{ExecutionSettings, Stepwise, objects_at};
use crate::plan::{DeferredNode, PlanNode, QueryPlan};
use crate::response::ShapePlan;
use crate::selection::SelectionSet;
use apollo_compiler::Name;
use apollo_compiler::validation::Valid;
use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Map, Value};

/// The first payload: the primary part's data.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Initial<'a> {
    data: &'a RawValue,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<GraphqlError>,
    has_next: bool,
}

/// A later payload: one item per object a deferred fragment applies to.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Subsequent {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    incremental: Vec<Item>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<GraphqlError>,
    has_next: bool,
}

#[derive(Serialize)]
struct Item {
    data: Value,
    path: Vec<PathItem>,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    errors: Vec<GraphqlError>,
}

/// The buffer a payload's data is shaped into starts this large (parts are usually smaller
/// than whole answers, and vary too much between parts for the last length to guide it).
const PAYLOAD_CAPACITY: usize = 16 * 1024;

/// The shaping plans of a plan's incremental payloads, compiled with the plan (kept in the
/// plan cache with it) rather than for every request.
#[derive(Debug)]
pub struct Shapes {
    /// The primary part: the operation without its deferred fragments.
    primary: ShapePlan,
    /// Each deferred part's, in the plan's order: from the query root down to its fragment.
    deferred: Vec<ShapePlan>,
}

impl Shapes {
    /// The shaping plans of `plan`'s payloads; `None` when it has no deferred part (or the
    /// schema no query root for the parts to start from).
    pub(super) fn new(
        schema: &Valid<apollo_compiler::Schema>,
        plan: &QueryPlan,
        selection: &SelectionSet,
        root_type: &Name,
    ) -> Option<Self> {
        let Some(PlanNode::Defer { deferred, .. }) = &plan.node else {
            return None;
        };
        let query_root = &schema.schema_definition.query.as_ref()?.name;
        Some(Self {
            primary: ShapePlan::new(schema, &selection.without_deferred(), root_type),
            deferred: deferred
                .iter()
                .map(|part| ShapePlan::new(schema, &part.selection, query_root))
                .collect(),
        })
    }

    /// The estimated bytes the plans hold.
    pub(super) fn weight(&self) -> u64 {
        self.primary.weight() + self.deferred.iter().map(ShapePlan::weight).sum::<u64>()
    }
}

/// What the primary part needs besides the plan.
pub(super) struct Request<'a> {
    pub plan: &'a PreparedPlan,
    pub shapes: &'a Shapes,
    pub variables: &'a Map<String, Value>,
    pub settings: &'a ExecutionSettings<'a>,
    pub sink: &'a PayloadSink,
    /// Who asked, and with which operation, for the audit trail.
    pub identity: &'a Identity,
    pub operation_name: Option<&'a str>,
}

impl Gateway {
    /// Runs a plan with deferred parts, sending each payload to the sink as it is ready.
    /// `introspect` answers the primary part's introspection fields.
    pub(super) async fn deliver_incrementally(
        &self,
        request: Request<'_>,
        (primary, deferred): (Option<&PlanNode>, &[DeferredNode]),
        introspect: impl FnOnce(&mut Data, &mut Vec<GraphqlError>),
    ) -> GraphqlResponse {
        let Request {
            plan,
            shapes,
            variables,
            settings,
            sink,
            identity,
            operation_name,
        } = request;
        let run = Stepwise::new(variables, settings);
        if let Some(primary) = primary {
            run.run(primary).await;
        }
        let mut errors = plan.auth_errors.clone();
        errors.extend(run.take_errors());
        let data = {
            let mut data = run.data();
            if plan.has_schema_introspection {
                introspect(&mut data, &mut errors);
            }
            shapes.primary.shape(
                &data,
                &mut errors,
                run.had_fetch_failure(),
                PAYLOAD_CAPACITY,
            )
        };
        let initial = Initial {
            data: &data,
            errors,
            has_next: !deferred.is_empty(),
        };
        // A client that went away ends the work: nobody reads what follows.
        if send(sink, &initial).is_err() {
            return GraphqlResponse::delivered();
        }
        // The data sent so far, kept only when the audit trail needs it.
        let mut sent = (!plan.guarded.is_empty())
            .then(|| serde_json::from_str::<Value>(data.get()).unwrap_or(Value::Null));
        for (i, (part, shape)) in deferred.iter().zip(&shapes.deferred).enumerate() {
            if let Some(node) = &part.node {
                run.run(node).await;
            }
            let errors = run.take_errors();
            let payload = {
                let data = run.data();
                let (incremental, errors) =
                    items(part, shape, &data, errors, run.had_fetch_failure());
                Subsequent {
                    incremental,
                    errors,
                    has_next: i + 1 < deferred.len(),
                }
            };
            if send(sink, &payload).is_err() {
                break;
            }
            if let Some(sent) = &mut sent {
                for item in &payload.incremental {
                    merge_at(sent, &item.path, &item.data);
                }
            }
        }
        if let Some(sent) = &sent {
            self.audit
                .record(&plan.guarded, sent, identity, operation_name);
        }
        GraphqlResponse::delivered()
    }
}

/// The items of a deferred part: its fragment's fields for each object it applies to, with
/// the errors met below that object (the others go with the first item, or are returned when
/// there is none).
fn items(
    part: &DeferredNode,
    shape: &ShapePlan,
    data: &Data,
    mut errors: Vec<GraphqlError>,
    had_fetch_failure: bool,
) -> (Vec<Item>, Vec<GraphqlError>) {
    let shaped = shape.shape(data, &mut errors, had_fetch_failure, PAYLOAD_CAPACITY);
    let shaped: Value = serde_json::from_str(shaped.get()).unwrap_or(Value::Null);
    let mut items: Vec<Item> = objects_at(data, &part.path)
        .into_iter()
        .map(|(path, _)| Item {
            data: value_at(&shaped, &path).cloned().unwrap_or(Value::Null),
            path,
            label: part.label.clone(),
            errors: Vec::new(),
        })
        .collect();
    let mut unplaced = Vec::new();
    for error in errors {
        let owner = items.iter().position(|item| {
            error
                .path
                .as_ref()
                .is_some_and(|p| p.starts_with(&item.path))
        });
        match owner.or(if items.is_empty() { None } else { Some(0) }) {
            Some(index) => items[index].errors.push(error),
            None => unplaced.push(error),
        }
    }
    (items, unplaced)
}

fn send(sink: &PayloadSink, payload: &impl Serialize) -> Result<(), ()> {
    let text = serde_json::to_string(payload).map_err(|_| ())?;
    sink.send(text).map_err(|_| ())
}

/// Merges a deferred item's fields into the object at `path` of the data sent before it.
fn merge_at(sent: &mut Value, path: &[PathItem], item: &Value) {
    let mut target = sent;
    for step in path {
        let next = match step {
            PathItem::Key(key) => target.as_object_mut().and_then(|o| o.get_mut(key)),
            PathItem::Index(i) => target.as_array_mut().and_then(|a| a.get_mut(*i)),
        };
        let Some(next) = next else {
            return;
        };
        target = next;
    }
    merge(target, item);
}

fn merge(target: &mut Value, item: &Value) {
    match (target, item) {
        (Value::Object(target), Value::Object(item)) => {
            for (key, value) in item {
                match target.get_mut(key) {
                    Some(existing) => merge(existing, value),
                    None => {
                        target.insert(key.clone(), value.clone());
                    }
                }
            }
        }
        (Value::Array(target), Value::Array(item)) if target.len() == item.len() => {
            for (existing, value) in target.iter_mut().zip(item) {
                merge(existing, value);
            }
        }
        (target, item) => *target = item.clone(),
    }
}

fn value_at<'a>(value: &'a Value, path: &[PathItem]) -> Option<&'a Value> {
    let mut current = value;
    for item in path {
        current = match item {
            PathItem::Key(key) => current.as_object()?.get(key)?,
            PathItem::Index(i) => current.as_array()?.get(*i)?,
        };
    }
    Some(current)
}

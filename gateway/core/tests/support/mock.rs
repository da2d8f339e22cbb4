//! Mock subgraphs that answer from JSON: a fixture gives each subgraph its root objects and its
//! entities, and the mock executes whatever operation the gateway sends over that data.
//!
//! Conventions of the data (`subgraphs.json`, one object per subgraph):
//! - `"Query"` / `"Mutation"` / `"Subscription"`: the root objects (a subscription's is its
//!   one event). A field with arguments may be stored under
//!   `name(arg: value, ...)` (arguments sorted, values as GraphQL literals).
//! - `"entities"`: `{ TypeName: [objects] }` for `_entities`; a representation matches an
//!   object when every field they share is equal (objects field by field, lists element by
//!   element). An object may carry its own `__typename`
//!   (an entity interface's concrete type); by default it is the representation's.
//!   `"__requires": ["a", "b"]` on an object makes the mock refuse representations that lack
//!   those fields; `{"field": ["a"]}` does so only when `field` is selected. `"a.b"` names a
//!   field inside `a` (in every element when `a` is a list).
//! - objects carry `__typename` where the gateway needs it (entities, abstract positions), and
//!   may list `"__implements": ["Interface"]` for fragments on interfaces.
//! - `{"__error": "message"}` as a field's value: that field errors (null plus an error);
//!   with `"__unindexed": true` an error under `_entities` leaves out the representation's
//!   index from its path, as async-graphql does.
//! - `"__entity_error": {"field": "f", "message": "m"}` on a stored entity: its non-null field
//!   `f` fails, so the subgraph answers the entity as null with an error at `_entities.i.f`.
//! - `"__down": true`: the subgraph is unreachable.
//! - `"__late": n`: the subgraph answers after yielding `n` times to the runtime, so requests
//!   sent at the same time to other subgraphs are answered first (arrival order without clocks).
//! - `"__field_types": {"Type.field": "ID!"}`: the subgraph rejects operations whose fragments
//!   select one response key with different types, as GraphQL validation does.
//! - `"__sdl": "type Query { ... }"` (a string, or a list of lines): the subgraph's own schema,
//!   `_Any`, `_Entity` and `_entities` included as the subgraph serves them; the mock rejects
//!   any operation that is not valid against it, as a real subgraph does.

use apollo_compiler::ast::{self, Definition, Selection};
use bytes::Bytes;
use futures::future::BoxFuture;
use quntuan_gateway::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use serde_json::{Map, Value, json};
use std::sync::Mutex;

pub(crate) struct MockSubgraphs {
    data: Map<String, Value>,
    /// Every request the gateway sent: (subgraph, body).
    pub(crate) log: Mutex<Vec<(String, Value)>>,
    /// Answers given through [`MockSubgraphs::answer`], by (subgraph, query): the data never
    /// changes, and the reference executor asks the same small queries again and again.
    answered: Mutex<std::collections::HashMap<(String, String), Value>>,
    /// Times every answer yields to the runtime first, so that requests sent together are in
    /// flight together (deduplication then shares them).
    yields: u64,
}

impl MockSubgraphs {
    pub(crate) fn new(data: Map<String, Value>) -> Self {
        Self {
            data,
            log: Mutex::new(Vec::new()),
            answered: Mutex::new(std::collections::HashMap::new()),
            yields: 0,
        }
    }

    /// The mock, answering every request only after yielding `times` to the runtime.
    #[allow(dead_code, reason = "only the fixture test sends queries together")]
    pub(crate) fn yielding(mut self, times: u64) -> Self {
        self.yields = times;
        self
    }
}

impl MockSubgraphs {
    /// Answers one operation as subgraph `name` would, without the transport (the reference
    /// executor of the differential test asks this way); `None` when it is down or unknown.
    pub(crate) fn answer(&self, name: &str, query: &str) -> Option<Value> {
        let data = self.data.get(name)?;
        if data.get("__down").and_then(Value::as_bool) == Some(true) {
            return None;
        }
        let key = (name.to_string(), query.to_string());
        let mut answered = self.answered.lock().expect("answer cache lock");
        Some(
            answered
                .entry(key)
                .or_insert_with(|| execute(data, query, &Map::new()))
                .clone(),
        )
    }
}

impl SubgraphTransport for MockSubgraphs {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        Box::pin(async move {
            let body: Value =
                serde_json::from_slice(&request.body).expect("the gateway sends JSON");
            self.log
                .lock()
                .expect("log lock")
                .push((request.service_name.clone(), body.clone()));
            let Some(data) = self.data.get(&request.service_name) else {
                return Err(TransportError::Unreachable {
                    url: request.url,
                    reason: "no such mock subgraph".into(),
                });
            };
            if data.get("__down").and_then(Value::as_bool) == Some(true) {
                return Err(TransportError::Unreachable {
                    url: request.url,
                    reason: "connection refused".into(),
                });
            }
            let late = data.get("__late").and_then(Value::as_u64).unwrap_or(0);
            for _ in 0..late + self.yields {
                tokio::task::yield_now().await;
            }
            let query = body["query"].as_str().unwrap_or_default();
            let variables = body["variables"].as_object().cloned().unwrap_or_default();
            let response = execute(data, query, &variables);
            Ok(Bytes::from(response.to_string()))
        })
    }
}

/// Why `query` is not valid against the subgraph's `"__sdl"`, when it has one.
fn invalid_against_sdl(data: &Value, query: &str) -> Option<String> {
    let sdl = match data.get("__sdl")? {
        Value::String(text) => text.clone(),
        Value::Array(lines) => lines
            .iter()
            .filter_map(Value::as_str)
            .collect::<Vec<_>>()
            .join("\n"),
        _ => return Some("mock: `__sdl` is neither a string nor a list of lines".into()),
    };
    let schema = match apollo_compiler::Schema::parse_and_validate(sdl, "subgraph.graphql") {
        Ok(schema) => schema,
        Err(e) => return Some(format!("mock: `__sdl` is not a valid schema: {}", e.errors)),
    };
    apollo_compiler::ExecutableDocument::parse_and_validate(&schema, query, "operation.graphql")
        .err()
        .map(|e| {
            e.errors
                .iter()
                .map(|d| d.to_json().message)
                .collect::<Vec<_>>()
                .join("; ")
        })
}

struct Run<'a> {
    data: &'a Value,
    variables: &'a Map<String, Value>,
    errors: Vec<Value>,
    /// The root response keys that answer `_entities` (a batch aliases it `_e0`, `_e1`, ...).
    entities_keys: Vec<String>,
}

fn execute(data: &Value, query: &str, variables: &Map<String, Value>) -> Value {
    let document = match ast::Document::parse(query, "mock.graphql") {
        Ok(document) => document,
        Err(e) => {
            return json!({"errors": [{"message": format!("mock cannot parse: {}", e.errors)}]});
        }
    };
    let Some(operation) = document.definitions.iter().find_map(|d| match d {
        Definition::OperationDefinition(op) => Some(op),
        _ => None,
    }) else {
        return json!({"errors": [{"message": "mock: no operation"}]});
    };
    if let Some(message) = invalid_against_sdl(data, query) {
        return json!({"errors": [{"message": message}]});
    }
    if let Some(types) = data.get("__field_types")
        && let Some(conflict) = field_conflict(types, &operation.selection_set)
    {
        return json!({"errors": [{"message": conflict}]});
    }
    let root_name = match operation.operation_type {
        ast::OperationType::Mutation => "Mutation",
        // A subscription is answered with its one event, as the gateway runs each event.
        ast::OperationType::Subscription => "Subscription",
        ast::OperationType::Query => "Query",
    };
    let mut run = Run {
        data,
        variables,
        errors: Vec::new(),
        entities_keys: Vec::new(),
    };
    let root = data.get(root_name).cloned().unwrap_or_else(|| json!({}));
    let mut path = Vec::new();
    let result = run.select(&root, &operation.selection_set, &mut path, true);
    let mut response = Map::new();
    response.insert("data".into(), result);
    if !run.errors.is_empty() {
        response.insert("errors".into(), Value::Array(run.errors));
    }
    Value::Object(response)
}

impl Run<'_> {
    /// Whether a root response key answers `_entities` (under its own name, or an alias).
    fn is_entities_key(&self, key: &Value) -> bool {
        key.as_str()
            .is_some_and(|key| self.entities_keys.iter().any(|k| k == key))
    }

    fn literal(&self, value: &ast::Value) -> Value {
        match value {
            ast::Value::Variable(name) => self
                .variables
                .get(name.as_str())
                .cloned()
                .unwrap_or(Value::Null),
            ast::Value::Null => Value::Null,
            ast::Value::Boolean(b) => Value::Bool(*b),
            ast::Value::String(s) => Value::String(s.clone()),
            ast::Value::Enum(e) => Value::String(e.to_string()),
            ast::Value::Int(i) => serde_json::from_str(i.as_str()).unwrap_or(Value::Null),
            ast::Value::Float(f) => serde_json::from_str(f.as_str()).unwrap_or(Value::Null),
            ast::Value::List(items) => {
                Value::Array(items.iter().map(|v| self.literal(v)).collect())
            }
            ast::Value::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, v)| (k.to_string(), self.literal(v)))
                    .collect(),
            ),
        }
    }

    fn select(
        &mut self,
        object: &Value,
        selection: &[Selection],
        path: &mut Vec<Value>,
        is_root: bool,
    ) -> Value {
        let Value::Object(source) = object else {
            return Value::Null;
        };
        let mut out = Map::new();
        self.fill(source, selection, path, is_root, &mut out);
        Value::Object(out)
    }

    fn fill(
        &mut self,
        source: &Map<String, Value>,
        selection: &[Selection],
        path: &mut Vec<Value>,
        is_root: bool,
        out: &mut Map<String, Value>,
    ) {
        for item in selection {
            match item {
                Selection::Field(field) => {
                    let key = field.alias.as_ref().unwrap_or(&field.name).to_string();
                    path.push(Value::String(key.clone()));
                    let value = if field.name == "__typename" {
                        source.get("__typename").cloned().unwrap_or_else(|| {
                            self.error(path, "mock data lacks __typename here");
                            Value::Null
                        })
                    } else if is_root && field.name == "_entities" {
                        self.entities_keys.push(key.clone());
                        self.entities(field, path)
                    } else {
                        let mut arguments: Vec<String> = field
                            .arguments
                            .iter()
                            .map(|a| {
                                format!("{}: {}", a.name, ast_value_text(&self.literal(&a.value)))
                            })
                            .collect();
                        arguments.sort();
                        let with_args = format!("{}({})", field.name, arguments.join(", "));
                        let raw = source
                            .get(&with_args)
                            .or_else(|| source.get(field.name.as_str()))
                            .cloned()
                            .unwrap_or(Value::Null);
                        self.complete(&raw, &field.selection_set, path)
                    };
                    path.pop();
                    merge(out, key, value);
                }
                Selection::InlineFragment(inline) => {
                    let applies = inline.type_condition.as_ref().is_none_or(|condition| {
                        source.get("__typename").and_then(Value::as_str) == Some(condition.as_str())
                            || source
                                .get("__implements")
                                .and_then(Value::as_array)
                                .is_some_and(|list| {
                                    list.iter().any(|i| i.as_str() == Some(condition.as_str()))
                                })
                    });
                    if applies {
                        self.fill(source, &inline.selection_set, path, is_root, out);
                    }
                }
                Selection::FragmentSpread(_) => {
                    self.error(path, "mock does not support named fragments")
                }
            }
        }
    }

    fn complete(&mut self, raw: &Value, selection: &[Selection], path: &mut Vec<Value>) -> Value {
        match raw {
            Value::Object(map) if map.contains_key("__error") => {
                let message = map["__error"].as_str().unwrap_or("error").to_string();
                if map.get("__unindexed").and_then(Value::as_bool) == Some(true) {
                    // async-graphql's shape: `["_entities", "field"]`, no representation index.
                    let unindexed: Vec<Value> = path
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| !(*i == 1 && self.is_entities_key(&path[0])))
                        .map(|(_, step)| step.clone())
                        .collect();
                    self.error(&unindexed, &message);
                } else {
                    self.error(path, &message);
                }
                Value::Null
            }
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| {
                        path.push(json!(i));
                        let value = self.complete(item, selection, path);
                        path.pop();
                        value
                    })
                    .collect(),
            ),
            Value::Object(_) if !selection.is_empty() => self.select(raw, selection, path, false),
            other => other.clone(),
        }
    }

    fn entities(&mut self, field: &ast::Field, path: &mut Vec<Value>) -> Value {
        let representations = field
            .arguments
            .iter()
            .find(|a| a.name == "representations")
            .map(|a| self.literal(&a.value))
            .unwrap_or(Value::Null);
        let Value::Array(representations) = representations else {
            self.error(path, "mock: _entities without representations");
            return Value::Null;
        };
        let mut out = Vec::new();
        for (i, representation) in representations.iter().enumerate() {
            path.push(json!(i));
            let typename = representation["__typename"].as_str().unwrap_or_default();
            let stored = self.data["entities"][typename]
                .as_array()
                .cloned()
                .unwrap_or_default();
            let found = stored.iter().find(|entity| matches(entity, representation));
            let value = match found {
                None => Value::Null,
                // A non-null field of the entity fails: a subgraph nulls the entity itself.
                Some(entity) if entity.get("__entity_error").is_some() => {
                    let failure = &entity["__entity_error"];
                    path.push(failure["field"].clone());
                    self.error(path, failure["message"].as_str().unwrap_or("error"));
                    path.pop();
                    Value::Null
                }
                Some(entity) => {
                    let required = required_fields(&entity["__requires"], &field.selection_set);
                    let missing: Vec<&str> = required
                        .into_iter()
                        .filter(|f| !has_path(representation, f))
                        .collect();
                    if missing.is_empty() {
                        let mut entity = entity.clone();
                        // An entity stored with its own `__typename` is the concrete type
                        // behind an interface key (what a subgraph owning an entity interface
                        // answers); otherwise the representation's type is the entity's.
                        if entity.get("__typename").is_none() {
                            entity["__typename"] = json!(typename);
                        }
                        self.select(&entity, &field.selection_set, path, false)
                    } else {
                        self.error(
                            path,
                            &format!("mock: representation lacks required {missing:?}"),
                        );
                        Value::Null
                    }
                }
            };
            path.pop();
            out.push(value);
        }
        Value::Array(out)
    }

    fn error(&mut self, path: &[Value], message: &str) {
        self.errors.push(json!({"message": message, "path": path}));
    }
}

/// The representation fields an entity needs: `["a", "b"]` for any selection, or
/// `{"field": ["a"]}` for only the fields the `_entities` selection asks for.
fn required_fields<'v>(requires: &'v Value, selection: &[Selection]) -> Vec<&'v str> {
    match requires {
        Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
        Value::Object(per_field) => {
            let mut selected = Vec::new();
            selected_names(selection, &mut selected);
            per_field
                .iter()
                .filter(|(name, _)| selected.contains(&name.as_str()))
                .flat_map(|(_, list)| list.as_array().into_iter().flatten())
                .filter_map(Value::as_str)
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Whether `value` holds the dotted `path` (`"a.b"`), in every element of the lists on the way.
fn has_path(value: &Value, path: &str) -> bool {
    match value {
        Value::Array(items) => items.iter().all(|item| has_path(item, path)),
        Value::Object(map) => {
            let (head, rest) = path
                .split_once('.')
                .map_or((path, None), |(h, r)| (h, Some(r)));
            match (map.get(head), rest) {
                (None, _) => false,
                (Some(_), None) => true,
                (Some(inner), Some(rest)) => has_path(inner, rest),
            }
        }
        _ => false,
    }
}

fn selected_names<'s>(selection: &'s [Selection], out: &mut Vec<&'s str>) {
    for item in selection {
        match item {
            Selection::Field(field) => out.push(field.name.as_str()),
            Selection::InlineFragment(inline) => selected_names(&inline.selection_set, out),
            Selection::FragmentSpread(_) => {}
        }
    }
}

fn matches(entity: &Value, representation: &Value) -> bool {
    let (Some(entity), Some(representation)) = (entity.as_object(), representation.as_object())
    else {
        return false;
    };
    let mut compared = 0;
    for (key, value) in representation {
        if key == "__typename" {
            continue;
        }
        if let Some(stored) = entity.get(key) {
            if !value_matches(stored, value) {
                return false;
            }
            compared += 1;
        }
    }
    compared > 0
}

/// Key values match when scalars are equal, objects match field by field (the stored object may
/// hold more fields than the key) and lists match element by element (keys over lists).
fn value_matches(stored: &Value, value: &Value) -> bool {
    match (stored, value) {
        (Value::Object(_), Value::Object(_)) => matches(stored, value),
        (Value::Array(stored), Value::Array(value)) => {
            stored.len() == value.len()
                && stored.iter().zip(value).all(|(s, v)| value_matches(s, v))
        }
        _ => stored == value,
    }
}

fn merge(out: &mut Map<String, Value>, key: String, value: Value) {
    match (out.get_mut(&key), value) {
        (Some(Value::Object(existing)), Value::Object(incoming)) => {
            for (k, v) in incoming {
                merge(existing, k, v);
            }
        }
        (_, value) => {
            out.insert(key, value);
        }
    }
}

fn ast_value_text(value: &Value) -> String {
    match value {
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{k}: {}", ast_value_text(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Array(items) => format!(
            "[{}]",
            items
                .iter()
                .map(ast_value_text)
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

/// Like GraphQL validation's "fields conflict" rule: fields with one response key under
/// fragments on different types must have the same type (from `"__field_types"`).
fn field_conflict(types: &Value, selection: &[Selection]) -> Option<String> {
    let mut seen: Vec<(String, String)> = Vec::new();
    field_conflict_in(types, selection, None, &mut seen)
}

fn field_conflict_in(
    types: &Value,
    selection: &[Selection],
    condition: Option<&str>,
    seen: &mut Vec<(String, String)>,
) -> Option<String> {
    for item in selection {
        match item {
            Selection::Field(field) => {
                if let Some(conflict) = field_conflict(types, &field.selection_set) {
                    return Some(conflict);
                }
                let key = field.alias.as_ref().unwrap_or(&field.name).to_string();
                let declared = condition
                    .and_then(|c| types.get(format!("{c}.{}", field.name)))
                    .and_then(Value::as_str);
                let Some(declared) = declared else { continue };
                match seen.iter().find(|(k, _)| *k == key) {
                    Some((_, other)) if other != declared => {
                        return Some(format!(
                            "Fields \"{key}\" conflict because they return conflicting types \"{other}\" and \"{declared}\". Use different aliases on the fields to fetch both if this was intentional."
                        ));
                    }
                    Some(_) => {}
                    None => seen.push((key, declared.to_string())),
                }
            }
            Selection::InlineFragment(inline) => {
                let inner = inline
                    .type_condition
                    .as_ref()
                    .map(|c| c.as_str())
                    .or(condition);
                if let Some(conflict) = field_conflict_in(types, &inline.selection_set, inner, seen)
                {
                    return Some(conflict);
                }
            }
            Selection::FragmentSpread(_) => {}
        }
    }
    None
}

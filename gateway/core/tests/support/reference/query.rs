//! The subgraph operations the reference sends, and the JSON and GraphQL values they carry.

use super::objects::{Anchor, Source, Step};
use super::{MAX_REQUESTS, Reference, Result, unsupported};
use apollo_compiler::ast;
use serde_json::{Map, Value, json};

impl Reference<'_> {
    /// Sends one subgraph operation reaching `tail` through `source`; the value at the tail
    /// (named `tail_name`) and whether the subgraph reported an error, or `None` when the
    /// anchor object is null (no entity).
    pub(super) fn run_query(
        &mut self,
        source: &Source,
        tail: &str,
        tail_name: &str,
    ) -> Result<Option<(Value, bool)>> {
        self.requests += 1;
        if self.requests > MAX_REQUESTS {
            return unsupported("too many subgraph requests");
        }
        let inner = nest(&source.path, tail);
        let (query, mut at) = match &source.anchor {
            Anchor::Root => (format!("{{ {inner} }}"), Vec::new()),
            Anchor::Entity(representation) => (
                format!(
                    "{{ _entities(representations: [{}]) {{ ... on {} {{ {inner} }} }} }}",
                    literal(representation),
                    representation["__typename"].as_str().unwrap_or_default()
                ),
                vec![json!("_entities"), json!(0)],
            ),
        };
        let name = &self.supergraph.subgraphs[source.graph].name;
        let answer = self.mock.answer(name, &query);
        if std::env::var_os("QUNTUAN_DIFF_TRACE").is_some() {
            println!("reference -> {name}: {query}\n  <- {answer:?}");
        }
        let Some(response) = answer else {
            // A subgraph that is down: the gateway gives null and an error.
            return Ok(Some((Value::Null, true)));
        };
        let mut cursor = &response["data"];
        for step in &at {
            cursor = match step {
                Value::String(s) => &cursor[s.as_str()],
                Value::Number(n) => &cursor[n.as_u64().unwrap_or_default() as usize],
                _ => cursor,
            };
        }
        let errored = response
            .get("errors")
            .and_then(Value::as_array)
            .is_some_and(|e| !e.is_empty());
        self.last_error = response["errors"][0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string();
        if cursor.is_null() {
            // No entity: the field is null (with the subgraph's error, if any).
            return Ok(Some((Value::Null, errored)));
        }
        for step in &source.path {
            cursor = match step {
                Step::Field { name, .. } => &cursor[name.as_str()],
                Step::Index(i) => &cursor[*i],
                Step::On(_) => cursor,
            };
            if let Step::Field { name, .. } = step {
                at.push(json!(name));
            }
        }
        let value = cursor[tail_name].clone();
        Ok(Some((value, errored)))
    }
}

/// `a(x: 1) { ... on T { <rest> } }` for the steps, `tail` innermost.
fn nest(steps: &[Step], tail: &str) -> String {
    match steps.split_first() {
        None => tail.to_string(),
        Some((Step::Field { name, args }, rest)) => {
            format!("{name}{args} {{ {} }}", nest(rest, tail))
        }
        Some((Step::On(ty), rest)) => format!("... on {ty} {{ {} }}", nest(rest, tail)),
        Some((Step::Index(_), rest)) => nest(rest, tail),
    }
}

/// A JSON value as a GraphQL literal.
pub(crate) fn literal(value: &Value) -> String {
    match value {
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{k}: {}", literal(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(literal).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

/// An operation's value with variables substituted.
pub(crate) fn ast_to_json(value: &ast::Value, variables: &Map<String, Value>) -> Value {
    match value {
        ast::Value::Variable(name) => variables.get(name.as_str()).cloned().unwrap_or(Value::Null),
        ast::Value::Null => Value::Null,
        ast::Value::Boolean(b) => Value::Bool(*b),
        ast::Value::String(s) => Value::String(s.clone()),
        ast::Value::Enum(e) => Value::String(e.to_string()),
        ast::Value::Int(i) => serde_json::from_str(i.as_str()).unwrap_or(Value::Null),
        ast::Value::Float(f) => serde_json::from_str(f.as_str()).unwrap_or(Value::Null),
        ast::Value::List(items) => {
            Value::Array(items.iter().map(|v| ast_to_json(v, variables)).collect())
        }
        ast::Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.to_string(), ast_to_json(v, variables)))
                .collect(),
        ),
    }
}

pub(super) fn deep_merge(target: &mut Value, incoming: Value) {
    if let (Value::Object(t), Value::Object(i)) = (&mut *target, incoming) {
        deep_merge_map(t, i);
    }
}

pub(super) fn deep_merge_map(target: &mut Map<String, Value>, incoming: Map<String, Value>) {
    for (k, v) in incoming {
        match target.get_mut(&k) {
            Some(existing @ Value::Object(_)) => deep_merge(existing, v),
            _ => {
                target.insert(k, v);
            }
        }
    }
}

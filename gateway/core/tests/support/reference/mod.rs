//! A deliberately naive executor, the oracle of the differential test (`differential.rs`): it
//! answers an operation field by field straight from the mock subgraphs, with no plan and no
//! batching. For each field it asks one subgraph that defines it: where the object already is
//! in that subgraph, by repeating the path that reached it there; elsewhere through
//! `_entities`, one object at a time, with a representation of a resolvable key (plus the
//! field's `@requires` and context values) that it first answers the same way.
//!
//! It asks the same mock subgraphs as the gateway with real subgraph operations, so a gap in
//! the mock data answers it exactly as it answers the gateway. Where several subgraphs can
//! answer a leaf and their data disagree, each of their answers is correct
//! ([`Answer::OneOf`]); where the mock data differ by the way a plan reaches an object (on
//! the entity but not inline), each route's answer is ([`Answer::AnyOf`]). What it cannot
//! answer is [`Unsupported`], and the test drops the operation.
//!
//! Its parts: `answer` (what the gateway's data is compared with), `objects` (an object and
//! where subgraphs reach it), `fetch` (one field of one object from the subgraphs that may
//! serve it), `keys` (representations and context values), `query` (subgraph operations).

mod answer;
mod fetch;
mod keys;
mod objects;
mod query;

pub(crate) use answer::Answer;

use super::mock::MockSubgraphs;
use apollo_compiler::ExecutableDocument;
use apollo_compiler::ast;
use apollo_compiler::executable::{self, Selection};
use apollo_compiler::validation::Valid;
use objects::{Anchor, Fetched, Obj, Source};
use query::{ast_to_json, literal};
use quntuan_gateway::selection as qs;
use quntuan_gateway::supergraph::Supergraph;
use serde_json::{Map, Value, json};
use std::rc::Rc;

/// Why the reference gives up on an operation (the test then skips it).
#[derive(Debug)]
pub(crate) struct Unsupported(pub(crate) String);

type Result<T> = std::result::Result<T, Unsupported>;

fn unsupported<T>(why: impl Into<String>) -> Result<T> {
    Err(Unsupported(why.into()))
}

/// The reference's whole answer: `data` and the response paths of its errors.
pub(crate) struct Outcome {
    /// `None` for a request error (no `data` key).
    pub(crate) data: Option<Answer>,
    pub(crate) error_paths: Vec<Vec<Value>>,
    /// The data has alternatives whose errors differ: errors are not compared.
    pub(crate) ambiguous_errors: bool,
}

/// Progressive-override labels the gateway's default settings switch on (`percent(100)`).
fn labels_on(supergraph: &Supergraph) -> Vec<String> {
    supergraph
        .override_labels
        .iter()
        .filter(|l| l.as_str() == "percent(100)")
        .cloned()
        .collect()
}

pub(crate) struct Reference<'a> {
    supergraph: &'a Supergraph,
    mock: &'a MockSubgraphs,
    document: &'a Valid<ExecutableDocument>,
    variables: Map<String, Value>,
    labels_on: Vec<String>,
    errors: Vec<Vec<Value>>,
    /// Subgraph requests made: a runaway operation gives up.
    requests: usize,
    depth: usize,
    /// (object, field) being fetched: a key that needs itself is not a way to fetch it.
    in_progress: Vec<(*const Obj, String)>,
    /// The first error message of the last subgraph answer.
    last_error: String,
    /// Whether the answer has alternatives with different errors (see `without_null`).
    ambiguous_errors: bool,
}

const MAX_REQUESTS: usize = 4_000;

impl<'a> Reference<'a> {
    /// Answers the document's (single) query operation with the request's variables.
    pub(crate) fn run(
        supergraph: &'a Supergraph,
        mock: &'a MockSubgraphs,
        document: &'a Valid<ExecutableDocument>,
        variables: &Map<String, Value>,
    ) -> Result<Outcome> {
        let Some(operation) = document.operations.iter().next() else {
            return unsupported("no operation");
        };
        if operation.operation_type != ast::OperationType::Query {
            return unsupported("only queries");
        }
        let mut coerced = Map::new();
        for definition in &operation.variables {
            let name = definition.name.to_string();
            if let Some(value) = variables.get(&name)
                && !enum_values_known(supergraph, &definition.ty, value)
            {
                // The gateway refuses the request (BAD_USER_INPUT): no data at all.
                return Ok(Outcome {
                    data: None,
                    error_paths: vec![Vec::new()],
                    ambiguous_errors: false,
                });
            }
            if let Some(value) = variables.get(&name) {
                coerced.insert(name, value.clone());
            } else if let Some(default) = &definition.default_value {
                coerced.insert(name, ast_to_json(default, &Map::new()));
            }
        }
        let mut reference = Reference {
            supergraph,
            mock,
            document,
            variables: coerced,
            labels_on: labels_on(supergraph),
            errors: Vec::new(),
            requests: 0,
            depth: 0,
            in_progress: Vec::new(),
            last_error: String::new(),
            ambiguous_errors: false,
        };
        let root = Rc::new(Obj {
            ty: operation.selection_set.ty.to_string(),
            sources: (0..supergraph.subgraphs.len())
                .map(|graph| Source {
                    graph,
                    anchor: Anchor::Root,
                    path: Vec::new(),
                    provided: None,
                })
                .collect(),
            parent: None,
        });
        let mut path = Vec::new();
        let data = reference
            .select(&root, &[&operation.selection_set], &mut path)?
            .unwrap_or(Answer::Null);
        Ok(Outcome {
            data: Some(data),
            error_paths: reference.errors,
            ambiguous_errors: reference.ambiguous_errors,
        })
    }

    /// The selection sets on `obj` executed as GraphQL's CollectFields and ExecuteFields do;
    /// `None` when a non-null field is null (the object becomes null).
    fn select(
        &mut self,
        obj: &Rc<Obj>,
        sets: &[&'a executable::SelectionSet],
        path: &mut Vec<Value>,
    ) -> Result<Option<Answer>> {
        let mut groups: Vec<(String, Vec<&'a executable::Field>)> = Vec::new();
        for set in sets {
            self.collect(&obj.ty, set, &mut groups);
        }
        let mut out = Vec::new();
        let mut may_be_null = false;
        for (key, fields) in groups {
            let first = fields[0];
            path.push(json!(key));
            let value = if first.name == "__typename" {
                Answer::Leaf(json!(obj.ty))
            } else {
                let subsets: Vec<&'a executable::SelectionSet> =
                    fields.iter().map(|f| &f.selection_set).collect();
                let (fetched, errored) = self.fetch(obj, first, true)?;
                if errored {
                    self.errors.push(path.clone());
                }
                self.complete(fetched, &first.definition.ty, &subsets, path)?
            };
            if value == Answer::Null && first.definition.ty.is_non_null() {
                self.non_null_error(path);
                path.pop();
                return Ok(None);
            }
            let value = if first.definition.ty.is_non_null() {
                self.without_null(value, &mut may_be_null)
            } else {
                value
            };
            path.pop();
            out.push((key, value));
        }
        let object = Answer::Object(out);
        Ok(Some(if may_be_null {
            Answer::AnyOf(vec![Answer::Null, object])
        } else {
            object
        }))
    }

    /// A non-null position's answer without its null alternative; a null alternative makes
    /// the enclosing value possibly null (null propagation along that alternative), and the
    /// errors of such an answer depend on the alternative the gateway took.
    fn without_null(&mut self, value: Answer, may_be_null: &mut bool) -> Answer {
        match value {
            Answer::AnyOf(answers) if answers.contains(&Answer::Null) => {
                *may_be_null = true;
                self.ambiguous_errors = true;
                let mut rest: Vec<Answer> =
                    answers.into_iter().filter(|a| *a != Answer::Null).collect();
                match rest.len() {
                    1 => rest.remove(0),
                    _ => Answer::AnyOf(rest),
                }
            }
            Answer::OneOf(values) if values.contains(&Value::Null) => {
                *may_be_null = true;
                self.ambiguous_errors = true;
                let mut rest: Vec<Value> = values.into_iter().filter(|v| !v.is_null()).collect();
                match rest.len() {
                    1 => Answer::Leaf(rest.remove(0)),
                    _ => Answer::OneOf(rest),
                }
            }
            other => other,
        }
    }

    fn non_null_error(&mut self, path: &[Value]) {
        if !self.errors.iter().any(|e| e.as_slice() == path) {
            self.errors.push(path.to_vec());
        }
    }

    fn collect(
        &self,
        ty: &str,
        set: &'a executable::SelectionSet,
        groups: &mut Vec<(String, Vec<&'a executable::Field>)>,
    ) {
        for selection in &set.selections {
            match selection {
                Selection::Field(field) => {
                    if !qs::is_included(&field.directives, &self.variables) {
                        continue;
                    }
                    let key = field.response_key().to_string();
                    match groups.iter_mut().find(|(k, _)| *k == key) {
                        Some((_, list)) => list.push(field),
                        None => groups.push((key, vec![field])),
                    }
                }
                Selection::InlineFragment(inline) => {
                    if !qs::is_included(&inline.directives, &self.variables) {
                        continue;
                    }
                    if inline
                        .type_condition
                        .as_ref()
                        .is_none_or(|c| self.applies(ty, c))
                    {
                        self.collect(ty, &inline.selection_set, groups);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    if !qs::is_included(&spread.directives, &self.variables) {
                        continue;
                    }
                    if let Some(fragment) = self.document.fragments.get(&spread.fragment_name)
                        && self.applies(ty, fragment.type_condition())
                    {
                        self.collect(ty, &fragment.selection_set, groups);
                    }
                }
            }
        }
    }

    /// Whether an object of type `ty` matches a type condition (API schema).
    fn applies(&self, ty: &str, condition: &str) -> bool {
        if ty == condition {
            return true;
        }
        let schema = &self.supergraph.api_schema;
        schema
            .get_object(ty)
            .is_some_and(|o| o.implements_interfaces.iter().any(|i| i.name == condition))
            || schema
                .get_union(condition)
                .is_some_and(|u| u.members.iter().any(|m| m.name == ty))
            // An interface that implements another (`interface Bar implements Foo`): the
            // supergraph's possible types hold every object type under it.
            || self.supergraph.type_info(condition).is_some_and(|info| {
                info.is_abstract() && info.possible_types.iter().any(|p| p == ty)
            })
    }

    fn complete(
        &mut self,
        fetched: Fetched,
        ty: &ast::Type,
        subsets: &[&'a executable::SelectionSet],
        path: &mut Vec<Value>,
    ) -> Result<Answer> {
        match fetched {
            Fetched::Null => Ok(Answer::Null),
            Fetched::Either(alternatives) => {
                let mut answers = Vec::new();
                // Errors met along one route only (the entity's data fails a non-null field
                // below, the path's data has no object there): which the gateway meets
                // depends on the route its plan takes.
                let mut errored_routes = 0;
                let routes = alternatives.len();
                for alternative in alternatives {
                    let before = self.errors.len();
                    let answer = self.complete(alternative, ty, subsets, path)?;
                    if self.errors.len() > before {
                        errored_routes += 1;
                    }
                    if !answers.contains(&answer) {
                        answers.push(answer);
                    }
                }
                if errored_routes > 0 && errored_routes < routes {
                    self.ambiguous_errors = true;
                }
                Ok(match answers.len() {
                    1 => answers.remove(0),
                    _ => Answer::AnyOf(answers),
                })
            }
            Fetched::Leaf(mut values) => {
                let named = ty.inner_named_type();
                if let Some(enumeration) = self.supergraph.api_schema.get_enum(named) {
                    values.retain(|v| {
                        v.as_str()
                            .is_some_and(|s| enumeration.values.keys().any(|k| k == s))
                    });
                    if values.is_empty() {
                        self.non_null_error(path);
                        return Ok(Answer::Null);
                    }
                }
                values.dedup();
                Ok(match values.len() {
                    1 => Answer::Leaf(values.remove(0)),
                    _ => Answer::OneOf(values),
                })
            }
            Fetched::List(items) => {
                let (ast::Type::List(inner) | ast::Type::NonNullList(inner)) = ty else {
                    return unsupported("a list where the schema has none");
                };
                let mut out = Vec::new();
                let mut may_be_null = false;
                for (i, item) in items.into_iter().enumerate() {
                    path.push(json!(i));
                    let value = self.complete(item, inner, subsets, path)?;
                    if value == Answer::Null && inner.is_non_null() {
                        self.non_null_error(path);
                        path.pop();
                        return Ok(Answer::Null);
                    }
                    let value = if inner.is_non_null() {
                        self.without_null(value, &mut may_be_null)
                    } else {
                        value
                    };
                    path.pop();
                    out.push(value);
                }
                let list = Answer::List(out);
                Ok(if may_be_null {
                    Answer::AnyOf(vec![Answer::Null, list])
                } else {
                    list
                })
            }
            Fetched::Object(obj) => {
                let named = ty.inner_named_type().as_str();
                if !self.applies(&obj.ty, named)
                    || self.supergraph.api_schema.get_object(&obj.ty).is_none()
                {
                    // A type the API schema does not allow here: null and an error.
                    self.non_null_error(path);
                    return Ok(Answer::Null);
                }
                Ok(self.select(&obj, subsets, path)?.unwrap_or(Answer::Null))
            }
        }
    }

    /// The field's arguments as the subgraph operation writes them: `(a: 1, b: "x")`.
    fn arguments(&self, field: &executable::Field, extra: &[(String, Value)]) -> String {
        let mut parts: Vec<String> = Vec::new();
        for argument in &field.arguments {
            if let ast::Value::Variable(name) = argument.value.as_ref()
                && !self.variables.contains_key(name.as_str())
            {
                continue;
            }
            let value = ast_to_json(&argument.value, &self.variables);
            parts.push(format!("{}: {}", argument.name, literal(&value)));
        }
        for (name, value) in extra {
            parts.push(format!("{name}: {}", literal(value)));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("({})", parts.join(", "))
        }
    }
}

/// Whether every enum value in a variable's value is one the API schema has.
fn enum_values_known(supergraph: &Supergraph, ty: &ast::Type, value: &Value) -> bool {
    match value {
        Value::Array(items) => items.iter().all(|i| enum_values_known(supergraph, ty, i)),
        Value::String(s) => supergraph
            .api_schema
            .get_enum(ty.inner_named_type())
            .is_none_or(|e| e.values.keys().any(|k| k.as_str() == s)),
        _ => true,
    }
}

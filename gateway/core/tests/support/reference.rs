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
//! ([`Answer::OneOf`]). What it cannot answer is [`Unsupported`], and the test drops the
//! operation.

use super::mock::MockSubgraphs;
use apollo_compiler::ExecutableDocument;
use apollo_compiler::ast;
use apollo_compiler::executable::{self, Selection};
use apollo_compiler::validation::Valid;
use quntuan_gateway::selection as qs;
use quntuan_gateway::supergraph::{FieldInGraph, GraphId, Supergraph, TypeKind};
use serde_json::{Map, Value, json};
use std::rc::Rc;

/// An answer the gateway's `data` is compared with.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Answer {
    Null,
    Leaf(Value),
    /// Subgraphs that may each serve the field disagree: any of these is right.
    OneOf(Vec<Value>),
    List(Vec<Answer>),
    Object(Vec<(String, Answer)>),
    /// Mock data that differs by the way a plan reaches an object: any of these is right.
    AnyOf(Vec<Answer>),
}

impl Answer {
    /// Whether the gateway's value is this answer.
    pub(crate) fn accepts(&self, value: &Value) -> bool {
        match (self, value) {
            (Answer::Null, Value::Null) => true,
            (Answer::Leaf(v), other) => v == other,
            (Answer::OneOf(vs), other) => vs.contains(other),
            (Answer::AnyOf(answers), other) => answers.iter().any(|a| a.accepts(other)),
            (Answer::List(items), Value::Array(values)) => {
                items.len() == values.len() && items.iter().zip(values).all(|(a, v)| a.accepts(v))
            }
            (Answer::Object(fields), Value::Object(map)) => {
                fields.len() == map.len()
                    && fields
                        .iter()
                        .all(|(k, a)| map.get(k).is_some_and(|v| a.accepts(v)))
            }
            _ => false,
        }
    }

    /// As JSON, a disagreement shown as `{"oneOf": [...]}`.
    pub(crate) fn to_json(&self) -> Value {
        match self {
            Answer::Null => Value::Null,
            Answer::Leaf(v) => v.clone(),
            Answer::OneOf(vs) => json!({ "oneOf": vs }),
            Answer::AnyOf(answers) => {
                json!({ "anyOf": answers.iter().map(Answer::to_json).collect::<Vec<_>>() })
            }
            Answer::List(items) => Value::Array(items.iter().map(Answer::to_json).collect()),
            Answer::Object(fields) => Value::Object(
                fields
                    .iter()
                    .map(|(k, a)| (k.clone(), a.to_json()))
                    .collect(),
            ),
        }
    }
}

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

/// An object of the response and where subgraphs can reach it.
#[derive(Debug)]
struct Obj {
    /// Its concrete supergraph type (the root type for the root).
    ty: String,
    sources: Vec<Source>,
    /// The object above it (lists skipped), for contexts.
    parent: Option<Rc<Obj>>,
}

#[derive(Debug, Clone)]
struct Source {
    graph: GraphId,
    anchor: Anchor,
    path: Vec<Step>,
    /// External fields of the object that a `@provides` on the way here made available.
    provided: Option<qs::SelectionSet>,
}

impl Source {
    fn provides(&self, field: &str) -> bool {
        self.provided
            .as_ref()
            .is_some_and(|p| p.fields().any(|f| f.name == field))
    }

    /// What is provided below `field` of this object.
    fn provided_below(&self, field: &str) -> Option<qs::SelectionSet> {
        self.provided
            .as_ref()?
            .fields()
            .find(|f| f.name == field)?
            .selection_set
            .clone()
    }
}

#[derive(Debug, Clone)]
enum Anchor {
    Root,
    /// `_entities` with one representation.
    Entity(Value),
}

#[derive(Debug, Clone)]
enum Step {
    Field {
        name: String,
        args: String,
    },
    Index(usize),
    /// The type the subgraph gave the object here (its `... on` in the next query).
    On(String),
}

/// What a field's value looks like in the subgraph asked.
struct Shape {
    /// The client selects below it.
    composite: bool,
    /// Its named type there.
    base: String,
    /// That type is an interface or union (the answer carries `__typename`).
    is_abstract: bool,
}

/// One field fetched from one subgraph, before completion against the API schema.
enum Fetched {
    Null,
    Leaf(Vec<Value>),
    List(Vec<Fetched>),
    Object(Rc<Obj>),
    /// The path's answer and the entity's, when the mock data differ between them.
    Either(Vec<Fetched>),
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
                for alternative in alternatives {
                    let answer = self.complete(alternative, ty, subsets, path)?;
                    if !answers.contains(&answer) {
                        answers.push(answer);
                    }
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

    /// The field's value from every subgraph that may serve it (leaves), or from the first
    /// that can (objects), preferring subgraphs where the object already is.
    /// Also says whether the subgraph that answered reported an error. `every` asks every
    /// subgraph for a leaf (client fields); field sets take the first answer.
    fn fetch(
        &mut self,
        obj: &Rc<Obj>,
        field: &executable::Field,
        every: bool,
    ) -> Result<(Fetched, bool)> {
        let marker = (Rc::as_ptr(obj), field.name.to_string());
        if self.in_progress.contains(&marker) {
            return Ok((Fetched::Null, false));
        }
        self.in_progress.push(marker);
        let result = self.fetch_from_candidates(obj, field, every);
        self.in_progress.pop();
        result
    }

    fn fetch_from_candidates(
        &mut self,
        obj: &Rc<Obj>,
        field: &executable::Field,
        every: bool,
    ) -> Result<(Fetched, bool)> {
        let Some(info) = self
            .supergraph
            .type_info(&obj.ty)
            .and_then(|t| t.fields.get(field.name.as_str()))
        else {
            return unsupported(format!("{}.{} has no join metadata", obj.ty, field.name));
        };
        let mut candidates: Vec<FieldInGraph> = info
            .graphs
            .iter()
            .filter(|g| g.is_active(&self.labels_on) && !g.external)
            .cloned()
            .collect();
        {
            // A field of an interface: also asked of the subgraphs that define it on an
            // `@interfaceObject`, and of those that returned the object as the interface.
            let interfaces: Vec<String> = self
                .supergraph
                .schema
                .get_object(obj.ty.as_str())
                .map(|o| {
                    o.implements_interfaces
                        .iter()
                        .map(|i| i.to_string())
                        .collect()
                })
                .unwrap_or_default();
            for interface in interfaces {
                if let Some(on_interface) = self
                    .supergraph
                    .type_info(&interface)
                    .and_then(|t| t.fields.get(field.name.as_str()))
                {
                    let interface_objects: Vec<FieldInGraph> = on_interface
                        .graphs
                        .iter()
                        .filter(|g| g.is_active(&self.labels_on) && !g.external)
                        .filter(|g| {
                            self.supergraph
                                .type_info(&interface)
                                .and_then(|t| t.in_graph(g.graph))
                                .is_some_and(|t| t.is_interface_object)
                                || obj.sources.iter().any(|s| s.graph == g.graph)
                        })
                        .filter(|g| !candidates.iter().any(|c| c.graph == g.graph))
                        .filter(|g| !info.graphs.iter().any(|x| x.graph == g.graph && x.external))
                        .cloned()
                        .collect();
                    candidates.extend(interface_objects);
                }
            }
        }
        // External where a `@provides` made the field available on the way here: the
        // gateway may read it there. An external key field the object came with is a last
        // resort (the keys of type extensions, which Federation 1 marked external).
        let provided: Vec<FieldInGraph> = info
            .graphs
            .iter()
            .filter(|g| g.external)
            .filter(|g| {
                let key_field = self
                    .supergraph
                    .type_info(&obj.ty)
                    .and_then(|t| t.in_graph(g.graph))
                    .is_some_and(|t| {
                        t.extension
                            && t.keys
                                .iter()
                                .any(|k| k.fields.fields().any(|f| f.name == field.name))
                    });
                obj.sources
                    .iter()
                    .any(|s| s.graph == g.graph && (s.provides(field.name.as_str()) || key_field))
            })
            .cloned()
            .collect();
        candidates.sort_by_key(|g| !obj.sources.iter().any(|s| s.graph == g.graph));
        for g in provided {
            let by_provides = obj
                .sources
                .iter()
                .any(|s| s.graph == g.graph && s.provides(field.name.as_str()));
            if by_provides {
                candidates.insert(0, g);
            } else {
                candidates.push(g);
            }
        }
        let is_leaf = every && field.selection_set.selections.is_empty();
        let mut found: Option<Fetched> = None;
        let mut found_errored = false;
        let mut alternatives: Vec<Value> = Vec::new();
        let mut any_reachable = false;
        let composite = !field.selection_set.selections.is_empty();
        for candidate in &candidates {
            let Some((mut value, mut errored)) = self.ask(obj, field, candidate, false)? else {
                continue;
            };
            // Mock data may lack a field on the object where a path reached it while the
            // subgraph's entity has it: a field set (a representation) takes the entity's
            // value, a client field accepts either (the gateway may go either way).
            if matches!(value, Fetched::Null)
                && !errored
                && obj.sources.iter().any(|s| s.graph == candidate.graph)
                && let Some((again, again_errored)) = self.ask(obj, field, candidate, true)?
            {
                match again {
                    Fetched::Null => {}
                    Fetched::Leaf(values) if every => alternatives.extend(values),
                    again if every => value = Fetched::Either(vec![Fetched::Null, again]),
                    again => (value, errored) = (again, again_errored),
                }
            }
            any_reachable = true;
            match (found.take(), value) {
                (None, value) => {
                    found = Some(value);
                    found_errored = errored;
                    if !(errored || is_leaf || composite) {
                        break;
                    }
                }
                // A subgraph that errors where another answers: the answer is right.
                (Some(_), value) if found_errored && !errored => {
                    found = Some(value);
                    found_errored = false;
                }
                // An object reached through several subgraphs can be asked in each.
                (Some(first), value) if composite && !errored => {
                    found = Some(merge_sources(first, value));
                }
                (Some(first), Fetched::Leaf(values)) if !errored => {
                    alternatives.extend(values);
                    found = Some(first);
                }
                (Some(first), Fetched::Null) if !errored && is_leaf => {
                    alternatives.push(Value::Null);
                    found = Some(first);
                }
                (Some(first), _) => found = Some(first),
            }
        }
        if !any_reachable {
            return if candidates.is_empty() {
                unsupported(format!("no subgraph resolves {}.{}", obj.ty, field.name))
            } else {
                // Every subgraph needs a key the object lacks (null): no fetch, a null field.
                Ok((Fetched::Null, false))
            };
        }
        let fetched = match found {
            // A leaf one subgraph has null and another has a value: either is right.
            Some(Fetched::Null) if is_leaf && alternatives.iter().any(|v| !v.is_null()) => {
                let mut values = vec![Value::Null];
                values.extend(alternatives);
                Fetched::Leaf(values)
            }
            Some(Fetched::Leaf(mut values)) => {
                for v in alternatives {
                    if !values.contains(&v) {
                        values.push(v);
                    }
                }
                Fetched::Leaf(values)
            }
            Some(other) => other,
            None => Fetched::Null,
        };
        Ok((fetched, found_errored))
    }

    /// Asks subgraph `candidate.graph` for `field` of `obj`: `None` when it cannot be asked
    /// (no usable key), else the value and whether the subgraph reported an error.
    /// `through_entity` skips the path the object came by (its data there may lack the
    /// field while the subgraph's entity has it).
    fn ask(
        &mut self,
        obj: &Rc<Obj>,
        field: &executable::Field,
        candidate: &FieldInGraph,
        through_entity: bool,
    ) -> Result<Option<(Fetched, bool)>> {
        let graph = candidate.graph;
        let mut extra = Vec::new();
        for context in &candidate.context_arguments {
            let Some(value) = self.context_value(obj, context)? else {
                return Ok(None);
            };
            extra.push((context.name.to_string(), value));
        }
        let args = self.arguments(field, &extra);
        let local = candidate.requires.is_none()
            && candidate.context_arguments.is_empty()
            && !through_entity;
        let source = match obj.sources.iter().find(|s| s.graph == graph && local) {
            Some(source) => source.clone(),
            None => match self.representation(obj, graph, candidate)? {
                Some(representation) => Source {
                    graph,
                    anchor: Anchor::Entity(representation),
                    path: Vec::new(),
                    provided: None,
                },
                None => return Ok(None),
            },
        };
        // Abstract types need `__typename`; an object type needs no sub-selection (the mock
        // answers a bare object field with the whole stored object).
        let ty_in_graph = candidate
            .type_in_graph
            .clone()
            .unwrap_or_else(|| field.definition.ty.to_string());
        let base = ty_in_graph
            .trim_matches(|c| c == '[' || c == ']' || c == '!')
            .to_string();
        let is_abstract = self
            .supergraph
            .type_info(&base)
            .is_some_and(|t| t.is_abstract());
        let tail = if is_abstract {
            format!("{}{args} {{ __typename }}", field.name)
        } else {
            format!("{}{args}", field.name)
        };
        let Some((mut raw, mut errored)) = self.run_query(&source, &tail, field.name.as_str())?
        else {
            return Ok(Some((Fetched::Null, false)));
        };
        if errored
            && self.last_error.contains("representation lacks required")
            && let Anchor::Entity(representation) = &source.anchor
        {
            // The mock wants the fields every `@requires` of the type needs, as a gateway
            // fetching them together sends them: ask again with all of them.
            if let Some(richer) = self.with_all_requires(obj, graph, representation.clone())? {
                let retry = Source {
                    anchor: Anchor::Entity(richer),
                    ..source.clone()
                };
                if let Some((r, e)) = self.run_query(&retry, &tail, field.name.as_str())? {
                    (raw, errored) = (r, e);
                }
            }
        }
        let mut path = source.path.clone();
        path.push(Step::Field {
            name: field.name.to_string(),
            args,
        });
        let composite = !field.selection_set.selections.is_empty();
        let mut source = source;
        source.provided = candidate
            .provides
            .clone()
            .or_else(|| source.provided_below(field.name.as_str()));
        let shape = Shape {
            composite,
            base,
            is_abstract,
        };
        let fetched = self.fetched_from(&raw, obj, &source, path, &shape)?;
        Ok(Some((fetched, errored)))
    }

    /// The subgraph's raw value as [`Fetched`]: objects remember where they were reached.
    fn fetched_from(
        &mut self,
        raw: &Value,
        parent: &Rc<Obj>,
        source: &Source,
        path: Vec<Step>,
        shape: &Shape,
    ) -> Result<Fetched> {
        let Shape {
            composite,
            base,
            is_abstract,
        } = shape;
        let (composite, is_abstract) = (*composite, *is_abstract);
        Ok(match raw {
            Value::Null => Fetched::Null,
            Value::Array(items) => {
                let mut out = Vec::new();
                for (i, item) in items.iter().enumerate() {
                    let mut item_path = path.clone();
                    item_path.push(Step::Index(i));
                    out.push(self.fetched_from(item, parent, source, item_path, shape)?);
                }
                Fetched::List(out)
            }
            Value::Object(map) if composite => {
                let typename = if is_abstract {
                    match map.get("__typename").and_then(Value::as_str) {
                        Some(t) => t.to_string(),
                        None => return Ok(Fetched::Null),
                    }
                } else {
                    base.to_string()
                };
                let mut path = path;
                if is_abstract {
                    // Stored value objects may lack `__typename`: a type condition is
                    // written only where the subgraph's type is abstract.
                    path.push(Step::On(typename.clone()));
                }
                let here = Source {
                    graph: source.graph,
                    anchor: source.anchor.clone(),
                    path,
                    provided: source.provided.clone(),
                };
                Fetched::Object(self.object(typename, here, parent)?)
            }
            other => Fetched::Leaf(vec![other.clone()]),
        })
    }

    /// An object the subgraph named `typename`: an interface name (an `@interfaceObject`)
    /// is resolved to the concrete type by a subgraph that knows it.
    fn object(&mut self, typename: String, here: Source, parent: &Rc<Obj>) -> Result<Rc<Obj>> {
        let kind = self.supergraph.type_info(&typename).map(|t| t.kind);
        if kind == Some(TypeKind::Object) {
            return Ok(Rc::new(Obj {
                ty: typename,
                sources: vec![here],
                parent: Some(parent.clone()),
            }));
        }
        if kind != Some(TypeKind::Interface) {
            return unsupported(format!("subgraph returned unknown type {typename}"));
        }
        let stand_in = Rc::new(Obj {
            ty: typename.clone(),
            sources: vec![here.clone()],
            parent: Some(parent.clone()),
        });
        let Some(info) = self.supergraph.type_info(&typename) else {
            return unsupported("no interface");
        };
        let owners: Vec<_> = info
            .graphs
            .iter()
            .filter(|t| !t.is_interface_object && t.keys.iter().any(|k| k.resolvable))
            .cloned()
            .collect();
        for owner in owners {
            for key in owner.keys.iter().filter(|k| k.resolvable) {
                let Some(mut representation) = self.field_set(&stand_in, &key.fields)? else {
                    continue;
                };
                representation["__typename"] = json!(typename);
                let source = Source {
                    graph: owner.graph,
                    anchor: Anchor::Entity(representation),
                    path: Vec::new(),
                    provided: None,
                };
                let Some((raw, _)) = self.run_query(&source, "__typename", "__typename")? else {
                    continue;
                };
                let Some(concrete) = raw.as_str() else {
                    continue;
                };
                let path = vec![Step::On(concrete.to_string())];
                return Ok(Rc::new(Obj {
                    ty: concrete.to_string(),
                    sources: vec![
                        here,
                        Source {
                            graph: owner.graph,
                            anchor: source.anchor,
                            path,
                            provided: None,
                        },
                    ],
                    parent: Some(parent.clone()),
                }));
            }
        }
        unsupported(format!("no subgraph names the concrete type of {typename}"))
    }

    /// A representation of `obj` for `graph`: a resolvable key's fields, `__typename` (the
    /// interface's name where the subgraph has it as an `@interfaceObject`), and the fields
    /// the candidate `@requires`. `None` when no key can be built (a key field is null).
    fn representation(
        &mut self,
        obj: &Rc<Obj>,
        graph: GraphId,
        candidate: &FieldInGraph,
    ) -> Result<Option<Value>> {
        let mut entity_types = vec![obj.ty.clone()];
        if let Some(object) = self.supergraph.schema.get_object(obj.ty.as_str()) {
            entity_types.extend(object.implements_interfaces.iter().map(|i| i.to_string()));
        }
        for entity_type in entity_types {
            let Some(in_graph) = self
                .supergraph
                .type_info(&entity_type)
                .and_then(|t| t.in_graph(graph))
                .cloned()
            else {
                continue;
            };
            for key in in_graph.keys.iter().filter(|k| k.resolvable) {
                let Some(mut representation) = self.field_set(obj, &key.fields)? else {
                    continue;
                };
                representation["__typename"] = json!(entity_type);
                if let Some(requires) = &candidate.requires {
                    let Some(required) = self.field_set(obj, requires)? else {
                        return Ok(None);
                    };
                    deep_merge(&mut representation, required);
                }
                return Ok(Some(representation));
            }
        }
        Ok(None)
    }

    /// A representation with the fields of every `@requires` of the object's type in
    /// `graph` added.
    fn with_all_requires(
        &mut self,
        obj: &Rc<Obj>,
        graph: GraphId,
        mut representation: Value,
    ) -> Result<Option<Value>> {
        let requires: Vec<qs::SelectionSet> = self
            .supergraph
            .type_info(&obj.ty)
            .map(|t| {
                t.fields
                    .values()
                    .filter_map(|f| f.in_graph(graph)?.requires.clone())
                    .collect()
            })
            .unwrap_or_default();
        for set in requires {
            let Some(required) = self.field_set(obj, &set)? else {
                return Ok(None);
            };
            deep_merge(&mut representation, required);
        }
        Ok(Some(representation))
    }

    /// A field set (key, `@requires`, context selection) answered on `obj` as JSON; `None`
    /// when a key field is null.
    fn field_set(&mut self, obj: &Rc<Obj>, set: &qs::SelectionSet) -> Result<Option<Value>> {
        self.depth += 1;
        if self.depth > 16 {
            self.depth -= 1;
            return unsupported("field sets nest too deep");
        }
        let result = self.field_set_inner(obj, set);
        self.depth -= 1;
        result
    }

    fn field_set_inner(&mut self, obj: &Rc<Obj>, set: &qs::SelectionSet) -> Result<Option<Value>> {
        let mut out = Map::new();
        for item in &set.items {
            match item {
                qs::Selection::Field(f) => {
                    let value = if f.name == "__typename" {
                        json!(obj.ty)
                    } else {
                        let field = self.synthetic_field(&obj.ty, f)?;
                        let (fetched, _) = self.fetch(obj, &field, false)?;
                        match self.field_set_value(fetched, f.selection_set.as_ref())? {
                            Some(v) => v,
                            None => return Ok(None),
                        }
                    };
                    out.insert(f.response_key().to_string(), value);
                }
                qs::Selection::InlineFragment(inline) => {
                    if inline
                        .type_condition
                        .as_ref()
                        .is_none_or(|c| self.applies(&obj.ty, c))
                    {
                        let Some(Value::Object(inner)) =
                            self.field_set_inner(obj, &inline.selection_set)?
                        else {
                            return Ok(None);
                        };
                        deep_merge_map(&mut out, inner);
                    }
                }
            }
        }
        Ok(Some(Value::Object(out)))
    }

    fn field_set_value(
        &mut self,
        fetched: Fetched,
        selection: Option<&qs::SelectionSet>,
    ) -> Result<Option<Value>> {
        Ok(Some(match fetched {
            Fetched::Null => return Ok(None),
            Fetched::Either(mut alternatives) => {
                return self.field_set_value(alternatives.remove(0), selection);
            }
            Fetched::Leaf(mut values) => values.remove(0),
            Fetched::List(items) => {
                let mut out = Vec::new();
                for item in items {
                    match self.field_set_value(item, selection)? {
                        Some(v) => out.push(v),
                        None => out.push(Value::Null),
                    }
                }
                Value::Array(out)
            }
            Fetched::Object(obj) => {
                let Some(set) = selection else {
                    return unsupported("object in a field set without selection");
                };
                match self.field_set(&obj, set)? {
                    Some(v) => v,
                    None => return Ok(None),
                }
            }
        }))
    }

    /// An executable field for a field-set field, so [`Reference::fetch`] can ask for it.
    fn synthetic_field(&self, ty: &str, f: &qs::Field) -> Result<executable::Field> {
        let Ok(definition) = self.supergraph.schema.type_field(ty, f.name.as_str()) else {
            return unsupported(format!("{ty}.{} is not in the supergraph", f.name));
        };
        let definition = definition.node.clone();
        let mut field = executable::Field::new(f.name.clone(), definition.clone());
        field.arguments = f.arguments.clone();
        if f.selection_set.is_some() {
            // Marks the field composite; the sub-selection itself is walked by `field_set`.
            let mut set = executable::SelectionSet::new(definition.ty.inner_named_type().clone());
            set.push(executable::Field::new(
                apollo_compiler::name!("__typename"),
                definition,
            ));
            field.selection_set = set;
        }
        Ok(field)
    }

    /// The value a context argument takes: the context's selection on the nearest
    /// ancestor whose type sets the context.
    fn context_value(
        &mut self,
        obj: &Rc<Obj>,
        context: &quntuan_gateway::supergraph::ContextArgument,
    ) -> Result<Option<Value>> {
        let mut ancestor = obj.parent.clone();
        while let Some(a) = ancestor {
            for (setter, selection) in &context.selections {
                if self.applies(&a.ty, setter) && self.sets_context(setter, &context.context) {
                    let Some(Value::Object(map)) = self.field_set(&a, selection)? else {
                        return Ok(None);
                    };
                    return Ok(map.into_iter().next().map(|(_, v)| v));
                }
            }
            ancestor = a.parent.clone();
        }
        Ok(None)
    }

    fn sets_context(&self, ty: &str, context: &str) -> bool {
        self.supergraph
            .type_info(ty)
            .is_some_and(|t| t.contexts.iter().any(|c| c == context))
    }

    /// Sends one subgraph operation reaching `tail` through `source`; the value at the tail
    /// (named `tail_name`) and whether the subgraph reported an error, or `None` when the
    /// anchor object is null (no entity).
    fn run_query(
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

/// The same value fetched from two subgraphs: objects keep the first's type and gain the
/// second's sources (so a later field can be asked where the object is in either).
fn merge_sources(first: Fetched, second: Fetched) -> Fetched {
    match (first, second) {
        (Fetched::Object(a), Fetched::Object(b)) if a.ty == b.ty => {
            let mut sources = a.sources.clone();
            sources.extend(b.sources.iter().cloned());
            Fetched::Object(Rc::new(Obj {
                ty: a.ty.clone(),
                sources,
                parent: a.parent.clone(),
            }))
        }
        (Fetched::List(a), Fetched::List(b)) if a.len() == b.len() => Fetched::List(
            a.into_iter()
                .zip(b)
                .map(|(x, y)| merge_sources(x, y))
                .collect(),
        ),
        // One subgraph's data lacks the object (a mock gap): the other's has it.
        (Fetched::Null, second) => second,
        (first, _) => first,
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

fn deep_merge(target: &mut Value, incoming: Value) {
    if let (Value::Object(t), Value::Object(i)) = (&mut *target, incoming) {
        deep_merge_map(t, i);
    }
}

fn deep_merge_map(target: &mut Map<String, Value>, incoming: Map<String, Value>) {
    for (k, v) in incoming {
        match target.get_mut(&k) {
            Some(existing @ Value::Object(_)) => deep_merge(existing, v),
            _ => {
                target.insert(k, v);
            }
        }
    }
}

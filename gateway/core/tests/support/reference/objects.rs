//! What the reference knows of an object of the response: its type and where subgraphs
//! reach it.

use quntuan_gateway::selection as qs;
use quntuan_gateway::supergraph::GraphId;
use serde_json::Value;
use std::rc::Rc;

/// An object of the response and where subgraphs can reach it.
#[derive(Debug)]
pub(super) struct Obj {
    /// Its concrete supergraph type (the root type for the root).
    pub(super) ty: String,
    pub(super) sources: Vec<Source>,
    /// The object above it (lists skipped), for contexts.
    pub(super) parent: Option<Rc<Obj>>,
}

#[derive(Debug, Clone)]
pub(super) struct Source {
    pub(super) graph: GraphId,
    pub(super) anchor: Anchor,
    pub(super) path: Vec<Step>,
    /// External fields of the object that a `@provides` on the way here made available.
    pub(super) provided: Option<qs::SelectionSet>,
}

impl Source {
    pub(super) fn provides(&self, field: &str) -> bool {
        self.provided
            .as_ref()
            .is_some_and(|p| p.fields().any(|f| f.name == field))
    }

    /// What is provided below `field` of this object.
    pub(super) fn provided_below(&self, field: &str) -> Option<qs::SelectionSet> {
        self.provided
            .as_ref()?
            .fields()
            .find(|f| f.name == field)?
            .selection_set
            .clone()
    }
}

#[derive(Debug, Clone)]
pub(super) enum Anchor {
    Root,
    /// `_entities` with one representation.
    Entity(Value),
}

#[derive(Debug, Clone)]
pub(super) enum Step {
    Field {
        name: String,
        args: String,
    },
    Index(usize),
    /// The type the subgraph gave the object here (its `... on` in the next query).
    On(String),
}

/// What a field's value looks like in the subgraph asked.
pub(super) struct Shape {
    /// The client selects below it.
    pub(super) composite: bool,
    /// Its named type there.
    pub(super) base: String,
    /// That type is an interface or union (the answer carries `__typename`).
    pub(super) is_abstract: bool,
}

/// One field fetched from one subgraph, before completion against the API schema.
pub(super) enum Fetched {
    Null,
    Leaf(Vec<Value>),
    List(Vec<Fetched>),
    Object(Rc<Obj>),
    /// The path's answer and the entity's, when the mock data differ between them.
    Either(Vec<Fetched>),
}

/// The same value fetched from two subgraphs: objects keep the first's type and gain the
/// second's sources (so a later field can be asked where the object is in either).
pub(super) fn merge_sources(first: Fetched, second: Fetched) -> Fetched {
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

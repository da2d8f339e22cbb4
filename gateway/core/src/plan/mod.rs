//! Query planning: an operation becomes a [`QueryPlan`] of fetches against the subgraphs.
//!
//! Entry point: [`plan_operation`]. Its steps:
//! 1. split the root fields by the subgraph that serves them (choosing among `@shareable`
//!    candidates by the number of fetches each choice needs; mutations keep their order);
//! 2. walk each subgraph's selection ([`planner`]): a field the current subgraph cannot resolve
//!    becomes an entity jump through `_entities` to a subgraph that can, keyed by a `@key` the
//!    current one provides, with `@requires` fields planned first in the parent's context;
//! 3. turn the resulting fetch groups into Sequence / Parallel / Flatten / Fetch nodes
//!    ([`groups`]), each fetch carrying its subgraph operation text.
//!
//! A plan is plain data: printable (`Display`), serialisable, cached by the caller.

pub mod aliases;
mod batch;
mod candidates;
mod choice;
mod combine;
mod context;
mod defer;
mod display;
mod foreign;
mod groups;
mod jumps;
mod merge_order;
mod planner;
mod split;
mod stages;
mod subgraph_types;
mod value_split;

use crate::selection::SelectionSet;
use crate::supergraph::{GraphId, Supergraph};
use apollo_compiler::Node;
use apollo_compiler::ast::OperationType;
use apollo_compiler::executable::VariableDefinition;
pub(crate) use batch::leading_fetch;
use serde::Serialize;

/// A plan: `None` when the operation needs no subgraph (only `__typename` or introspection).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct QueryPlan {
    pub node: Option<PlanNode>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "kind")]
pub enum PlanNode {
    Sequence {
        nodes: Vec<PlanNode>,
    },
    Parallel {
        nodes: Vec<PlanNode>,
        /// Children whose leading entity fetches call one subgraph and go in one request.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        batches: Vec<FetchBatch>,
    },
    Fetch(Box<FetchNode>),
    /// Runs `node` for the objects found at `path` of the response so far.
    Flatten {
        path: Vec<PathSegment>,
        node: Box<PlanNode>,
    },
    /// `@defer`: the primary part, then each deferred part in order (a nested part after the
    /// part it is nested in).
    Defer {
        primary: Option<Box<PlanNode>>,
        deferred: Vec<DeferredNode>,
    },
}

/// A deferred fragment's part of a plan.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct DeferredNode {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// The objects the fragment applies to: each is one item of an incremental payload.
    pub path: Vec<PathSegment>,
    /// From the operation root down to the fragment: what the payload is shaped by.
    #[serde(serialize_with = "serialize_selection")]
    pub selection: SelectionSet,
    pub node: Option<Box<PlanNode>>,
}

/// Entity fetches that lead children of one `Parallel` and call one subgraph, sent as one
/// request ([`batch`]): its operation selects `_entities` once per distinct fetch selection,
/// as `_e0`, `_e1`, ... with representations in the variables `$r0`, `$r1`, ...; fetches of one
/// selection at several paths share one representation list. Each child's other nodes run
/// once its fetch has merged.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FetchBatch {
    pub service_name: String,
    pub operation: String,
    pub variable_usages: Vec<String>,
    pub members: Vec<BatchMember>,
}

/// A child of the `Parallel` whose leading fetch is in a [`FetchBatch`], and the `_entities`
/// field (the `k` of `_ek`) that answers it.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct BatchMember {
    pub child: usize,
    pub field: usize,
}

/// One request to one subgraph.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FetchNode {
    pub service_name: String,
    #[serde(skip)]
    pub graph: GraphId,
    /// For entity fetches: per entity type, the fields each representation is built from.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<EntityRepresentation>,
    pub variable_usages: Vec<String>,
    pub operation: String,
    pub operation_kind: OperationKind,
    /// Whether the operation gives conflicting fields internal aliases ([`aliases`]), which
    /// the executor renames back in the response.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub internal_aliases: bool,
    /// Variables whose values the executor reads from each entity's context ancestor.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context_arguments: Vec<ContextArgument>,
    /// The fetch's position in the plan, depth first.
    #[serde(skip)]
    pub id: usize,
    /// Fetches (by `id`) that may run at the same time as this one and write a place of the
    /// response it writes too: it merges its answer after theirs, so that the response is
    /// what merging in plan order gives ([`merge_order`]).
    #[serde(skip)]
    pub merge_after: Vec<usize>,
    /// While planning only: the places of the response the fetch writes ([`merge_order`]).
    #[serde(skip)]
    pub writes: Vec<String>,
    /// While planning only: for an entity fetch that may be batched, its operation's pieces
    /// ([`batch`]).
    #[serde(skip)]
    pub pieces: Option<Box<FetchPieces>>,
}

/// The pieces of an entity fetch's operation that a batch puts beside other fetches' pieces.
#[derive(Debug, Clone, PartialEq)]
pub struct FetchPieces {
    /// `$name: Type` of each client variable the selection uses.
    pub definitions: Vec<String>,
    /// The selection inside `_entities(...)`.
    pub selection: String,
    /// The number in the fetch's operation name (`Op__service__3`).
    pub name_number: usize,
}

/// An internal variable of an entity fetch whose value comes from the nearest ancestor (in the
/// response) of each entity that sets a context (`@fromContext`).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContextArgument {
    pub variable: String,
    pub sources: Vec<ContextSource>,
}

/// Where a context value is read: on ancestors of these runtime types, by this selection.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ContextSource {
    /// The type that sets the context (an object, interface or union).
    pub type_name: String,
    /// The object types whose objects set it.
    pub runtime_types: Vec<String>,
    /// The selection whose one field is the value (its response keys are internal aliases).
    #[serde(serialize_with = "serialize_selection")]
    pub selection: SelectionSet,
}

/// How representations of one entity type are built from the objects found at the fetch's path.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct EntityRepresentation {
    /// The `__typename` the representations carry (and the objects have, unless
    /// `implementations` says otherwise).
    pub type_name: String,
    /// `__typename`, the key fields and any `@requires` fields.
    #[serde(serialize_with = "serialize_selection")]
    pub selection: SelectionSet,
    /// When `type_name` is an interface (an entity interface, or one a subgraph knows as an
    /// `@interfaceObject`): the object types whose objects are sent under the interface's
    /// name. The representation's `__typename` is then `type_name`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub implementations: Vec<String>,
    /// The interfaces and unions that type conditions of `selection` name (at any depth), each
    /// with the object types that match it: a `@requires` of `data { ... on Foo { foo } }`
    /// takes `foo` from every object whose `__typename` is a possible type of `Foo`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub abstract_conditions: Vec<AbstractCondition>,
}

/// An interface or union in a type condition, and the object types it matches.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct AbstractCondition {
    pub type_name: String,
    pub object_types: Vec<String>,
}

impl EntityRepresentation {
    /// Whether objects with this `__typename` are sent with this shape.
    pub fn applies_to(&self, typename: &str) -> bool {
        self.type_name == typename || self.implementations.iter().any(|t| t == typename)
    }
}

fn serialize_selection<S: serde::Serializer>(set: &SelectionSet, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&set.to_graphql())
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum OperationKind {
    Query,
    Mutation,
    /// The root fetch of a subscription: the executor never sends it as a request; the
    /// subscription stage opens it once and answers it with each event ([`crate::subscription`]).
    Subscription,
}

/// A step of a [`PlanNode::Flatten`] path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    /// A response key.
    Key(String),
    /// Every element of a list (`@`).
    List,
    /// Only objects whose `__typename` is one of these (`|[A,B]`).
    TypeCondition(Vec<String>),
}

impl Serialize for PathSegment {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_string())
    }
}

impl std::fmt::Display for PathSegment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Key(key) => f.write_str(key),
            Self::List => f.write_str("@"),
            Self::TypeCondition(types) => write!(f, "|[{}]", types.join(",")),
        }
    }
}

/// Why an operation cannot be planned.
#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum PlanError {
    #[error("cannot plan `{coordinate}`: {reason}")]
    Unsatisfiable { coordinate: String, reason: String },
    #[error("the operation has no root type `{0}` in the supergraph")]
    MissingRootType(String),
}

/// What the planner needs to know about the operation being planned.
pub struct OperationInput<'a> {
    pub kind: OperationType,
    pub name: Option<&'a str>,
    pub variables: &'a [Node<VariableDefinition>],
    pub selection_set: &'a SelectionSet,
    /// Progressive-override labels that are on (sorted).
    pub override_labels: &'a [String],
}

/// Plans an operation against a supergraph; see the module documentation for the steps.
pub fn plan_operation(
    supergraph: &Supergraph,
    operation: &OperationInput<'_>,
) -> Result<QueryPlan, PlanError> {
    let root_type = match operation.kind {
        OperationType::Query => supergraph.schema.schema_definition.query.as_ref(),
        OperationType::Mutation => supergraph.schema.schema_definition.mutation.as_ref(),
        OperationType::Subscription => supergraph.schema.schema_definition.subscription.as_ref(),
    }
    .ok_or_else(|| PlanError::MissingRootType(format!("{:?}", operation.kind)))?;
    let root_type = &root_type.name;
    // Deferred fragments of a mutation or a subscription run with the rest: a part cannot run
    // root fields again (and an event is one payload).
    if operation.kind != OperationType::Query || !operation.selection_set.has_deferred() {
        let mut node = plan_part(
            supergraph,
            operation,
            operation.selection_set,
            &defer::Entry::Root,
            root_type,
        )?;
        if let Some(node) = &mut node {
            merge_order::assign(node);
            batch::assign(node, operation.name);
        }
        return Ok(QueryPlan { node });
    }
    let (primary, parts) = defer::split(supergraph, operation.selection_set, root_type);
    let primary = plan_part(
        supergraph,
        operation,
        &primary,
        &defer::Entry::Root,
        root_type,
    )?;
    let mut deferred = Vec::with_capacity(parts.len());
    for part in parts {
        let node = plan_part(
            supergraph,
            operation,
            &part.selection,
            &part.entry,
            root_type,
        )?;
        deferred.push(DeferredNode {
            label: part.label,
            path: part.path,
            selection: part.shape,
            node: node.map(Box::new),
        });
    }
    let mut node = PlanNode::Defer {
        primary: primary.map(Box::new),
        deferred,
    };
    merge_order::assign(&mut node);
    batch::assign(&mut node, operation.name);
    Ok(QueryPlan { node: Some(node) })
}

/// Plans one part of an operation (all of it, without `@defer`), from its entry.
fn plan_part(
    supergraph: &Supergraph,
    operation: &OperationInput<'_>,
    selection: &SelectionSet,
    entry: &defer::Entry,
    root_type: &apollo_compiler::Name,
) -> Result<Option<PlanNode>, PlanError> {
    let entry_type = match entry {
        defer::Entry::Root => root_type,
        defer::Entry::Entity { type_name, .. } => type_name,
    };
    let (selection, contexts) = context::prepare(supergraph, selection, entry_type);
    let operation = &OperationInput {
        selection_set: &selection,
        ..*operation
    };
    let groups = match entry {
        defer::Entry::Root => planner::plan_root(supergraph, root_type, operation)?,
        defer::Entry::Entity {
            graphs,
            type_name,
            key,
            path,
        } => {
            // The subgraph to start in is the one whose plan needs the fewest fetches.
            let mut best: Option<Vec<planner::Group>> = None;
            let mut last_error = None;
            for graph in graphs {
                let entry = (*graph, type_name, key);
                match planner::plan_entity_entry(supergraph, operation, entry, path, &selection) {
                    Ok(groups) if best.as_ref().is_none_or(|b| groups.len() < b.len()) => {
                        best = Some(groups)
                    }
                    Ok(_) => {}
                    Err(error) => last_error = Some(error),
                }
            }
            match (best, last_error) {
                (Some(groups), _) => groups,
                (None, Some(error)) => return Err(error),
                (None, None) => return Ok(None),
            }
        }
    };
    let mut groups = combine::combine_siblings(groups);
    context::order(&mut groups, &contexts);
    let node = groups::into_plan(supergraph, groups, operation, &contexts);
    Ok(match operation.kind {
        OperationType::Query => node.map(stages::align_if_fewer_requests),
        _ => node,
    })
}

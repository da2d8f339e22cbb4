//! Turns the planner's fetch groups into plan nodes, and prints each group's subgraph operation.

use super::aliases;
use super::context::ContextVariable;
use super::merge_order;
use super::planner::Group;
use super::{
    AbstractCondition, ContextArgument, ContextSource, EntityRepresentation, FetchNode,
    FetchPieces, OperationInput, OperationKind, PlanNode,
};
use crate::selection::{Selection, SelectionSet, collect_variables};
use crate::supergraph::Supergraph;
use apollo_compiler::Name;
use apollo_compiler::ast::OperationType;
use std::fmt::Write as _;

/// Builds the plan tree: each group runs after its parent; siblings run in parallel unless one
/// needs another's results, in which case they run in layers.
pub(super) fn into_plan(
    supergraph: &Supergraph,
    groups: Vec<Group>,
    operation: &OperationInput<'_>,
    contexts: &[ContextVariable],
) -> Option<PlanNode> {
    let builder = Builder {
        supergraph,
        groups: &groups,
        operation,
        contexts,
    };
    let roots: Vec<usize> = (0..groups.len())
        .filter(|&i| groups[i].parent.is_none())
        .collect();
    match operation.kind {
        OperationType::Mutation => sequence(roots.iter().map(|&r| builder.subtree(r)).collect()),
        _ => builder.parallel(&roots),
    }
}

struct Builder<'a> {
    supergraph: &'a Supergraph,
    groups: &'a [Group],
    operation: &'a OperationInput<'a>,
    contexts: &'a [ContextVariable],
}

impl Builder<'_> {
    fn subtree(&self, id: usize) -> PlanNode {
        let mut nodes = vec![self.fetch(id)];
        let children: Vec<usize> = (0..self.groups.len())
            .filter(|&c| self.groups[c].parent == Some(id))
            .collect();
        for layer in self.layers(id, &children) {
            nodes.extend(self.parallel(&layer));
        }
        sequence(nodes).expect("a subtree has at least its own fetch")
    }

    /// The subtrees of groups `ids` side by side.
    fn parallel(&self, ids: &[usize]) -> Option<PlanNode> {
        let mut nodes: Vec<PlanNode> = ids.iter().map(|&id| self.subtree(id)).collect();
        match nodes.len() {
            0 | 1 => nodes.pop(),
            _ => Some(PlanNode::Parallel {
                nodes,
                batches: Vec::new(),
            }),
        }
    }

    /// Splits siblings into layers so that each runs after the siblings it depends on.
    fn layers(&self, parent: usize, children: &[usize]) -> Vec<Vec<usize>> {
        let sibling_of = |mut group: usize| -> Option<usize> {
            loop {
                match self.groups[group].parent {
                    Some(p) if p == parent => return Some(group),
                    Some(p) => group = p,
                    None => return None,
                }
            }
        };
        let deps: Vec<Vec<usize>> = children
            .iter()
            .map(|&c| {
                self.groups[c]
                    .deps
                    .iter()
                    .filter_map(|&d| sibling_of(d))
                    .filter(|&s| s != c)
                    .collect()
            })
            .collect();
        let mut layer_of: Vec<Option<usize>> = vec![None; children.len()];
        let mut layers: Vec<Vec<usize>> = Vec::new();
        let mut placed = 0;
        while placed < children.len() {
            let layer_index = layers.len();
            let ready: Vec<usize> = (0..children.len())
                .filter(|&i| layer_of[i].is_none())
                .filter(|&i| {
                    deps[i].iter().all(|d| {
                        children
                            .iter()
                            .position(|c| c == d)
                            .is_some_and(|j| layer_of[j].is_some_and(|l| l < layer_index))
                    })
                })
                .collect();
            // A dependency cycle cannot be layered: run the rest together rather than never.
            let ready = if ready.is_empty() {
                (0..children.len())
                    .filter(|&i| layer_of[i].is_none())
                    .collect()
            } else {
                ready
            };
            for &i in &ready {
                layer_of[i] = Some(layer_index);
            }
            placed += ready.len();
            layers.push(ready.into_iter().map(|i| children[i]).collect());
        }
        layers
    }

    /// The pieces of group `id`'s subgraph operation, before they are printed as one.
    fn parts(&self, id: usize) -> FetchParts {
        let group = &self.groups[id];
        let mut variables: Vec<Name> = Vec::new();
        collect_selection_variables(&group.selection, &mut variables);
        // A deferred part may start with an entity fetch that has no parent in its own plan.
        let is_entity_fetch = group.parent.is_some() || !group.entities.is_empty();
        let kind = match (self.operation.kind, is_entity_fetch) {
            (OperationType::Mutation, false) => OperationKind::Mutation,
            (OperationType::Subscription, false) => OperationKind::Subscription,
            _ => OperationKind::Query,
        };
        let mut definitions: Vec<String> = Vec::new();
        let mut context_arguments = Vec::new();
        for variable in &variables {
            if let Some(def) = self
                .operation
                .variables
                .iter()
                .find(|v| &v.name == variable)
            {
                // The default stays: a nullable variable with a default may stand where the
                // subgraph requires a non-null value, and only with its default is that valid.
                match &def.default_value {
                    Some(default) => {
                        definitions.push(format!("${}: {} = {default}", def.name, def.ty))
                    }
                    None => definitions.push(format!("${}: {}", def.name, def.ty)),
                }
            } else if let Some(context) = self.contexts.iter().find(|c| &c.variable == variable) {
                definitions.push(format!("${}: {}", context.variable, context.ty));
                context_arguments.push(context_argument(context));
            }
        }
        variables.retain(|v| !self.contexts.iter().any(|c| &c.variable == v));
        let mut selection = group.selection.clone();
        let parent = match (is_entity_fetch, self.operation.kind) {
            (true, _) => None,
            (false, OperationType::Mutation) => {
                self.supergraph.schema.schema_definition.mutation.as_ref()
            }
            (false, OperationType::Subscription) => self
                .supergraph
                .schema
                .schema_definition
                .subscription
                .as_ref(),
            (false, _) => self.supergraph.schema.schema_definition.query.as_ref(),
        };
        let parent = parent.map_or_else(|| apollo_compiler::name!("_Entity"), |p| p.name.clone());
        let internal_aliases =
            aliases::alias_conflicts(self.supergraph, group.graph, &parent, &mut selection);
        let mut selection_text = String::new();
        selection.write_graphql(&mut selection_text);
        FetchParts {
            kind,
            is_entity_fetch,
            definitions,
            selection: selection_text,
            internal_aliases,
            variables: variables.iter().map(|v| v.to_string()).collect(),
            context_arguments,
        }
    }

    fn service_name(&self, graph: usize) -> String {
        self.supergraph.subgraphs[graph].name.clone()
    }

    fn fetch(&self, id: usize) -> PlanNode {
        let group = &self.groups[id];
        let parts = self.parts(id);
        let mut text = String::new();
        text.push_str(match parts.kind {
            OperationKind::Query => "query",
            OperationKind::Mutation => "mutation",
            OperationKind::Subscription => "subscription",
        });
        if let Some(name) = self.operation.name {
            let service = sanitize(&self.service_name(group.graph));
            let _ = write!(text, " {name}__{service}__{id}");
        }
        // An entity query without context arguments may share a request with others (batch).
        let pieces = (parts.is_entity_fetch
            && parts.kind == OperationKind::Query
            && parts.context_arguments.is_empty())
        .then(|| {
            Box::new(FetchPieces {
                definitions: parts.definitions.clone(),
                selection: parts.selection.clone(),
                name_number: id,
            })
        });
        let mut definitions = parts.definitions;
        if parts.is_entity_fetch {
            definitions.insert(0, "$representations: [_Any!]!".into());
        }
        if !definitions.is_empty() {
            let _ = write!(text, "({})", definitions.join(", "));
        }
        text.push(' ');
        if parts.is_entity_fetch {
            text.push_str("{_entities(representations: $representations) ");
            text.push_str(&parts.selection);
            text.push('}');
        } else {
            text.push_str(&parts.selection);
        }
        let fetch = PlanNode::Fetch(Box::new(FetchNode {
            service_name: self.service_name(group.graph),
            graph: group.graph,
            requires: self.requires(id),
            variable_usages: parts.variables,
            operation: text,
            operation_kind: parts.kind,
            internal_aliases: parts.internal_aliases,
            context_arguments: parts.context_arguments,
            id: 0,
            merge_after: Vec::new(),
            writes: merge_order::written_places(&group.path, &group.selection),
            pieces,
        }));
        if parts.is_entity_fetch {
            PlanNode::Flatten {
                path: group.path.clone(),
                node: Box::new(fetch),
            }
        } else {
            fetch
        }
    }

    /// How the representations of group `id`'s entity fetch are built.
    fn requires(&self, id: usize) -> Vec<EntityRepresentation> {
        self.groups[id]
            .entities
            .iter()
            .map(|(type_name, selection)| EntityRepresentation {
                type_name: type_name.to_string(),
                selection: selection.clone(),
                implementations: self
                    .supergraph
                    .type_info(type_name)
                    .filter(|info| info.is_abstract())
                    .map(|info| info.possible_types.iter().map(|t| t.to_string()).collect())
                    .unwrap_or_default(),
                abstract_conditions: abstract_conditions(self.supergraph, selection),
            })
            .collect()
    }
}

/// A fetch's subgraph operation in pieces, before [`Builder::fetch`] prints it.
struct FetchParts {
    kind: OperationKind,
    is_entity_fetch: bool,
    /// `$name: Type` of each variable the selection uses (`$representations` aside).
    definitions: Vec<String>,
    /// The selection as sent: at the root, or inside `_entities`.
    selection: String,
    internal_aliases: bool,
    /// The client's variables the selection uses.
    variables: Vec<String>,
    context_arguments: Vec<ContextArgument>,
}

pub(super) fn sanitize(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

fn context_argument(context: &ContextVariable) -> ContextArgument {
    ContextArgument {
        variable: context.variable.to_string(),
        sources: context
            .sources
            .iter()
            .map(|(type_name, runtime_types, selection)| ContextSource {
                type_name: type_name.to_string(),
                runtime_types: runtime_types.iter().map(|t| t.to_string()).collect(),
                selection: selection.clone(),
            })
            .collect(),
    }
}

/// Every interface or union a type condition of `set` names, at any depth, with its possible
/// object types: what the executor matches runtime `__typename`s against.
fn abstract_conditions(supergraph: &Supergraph, set: &SelectionSet) -> Vec<AbstractCondition> {
    fn walk(supergraph: &Supergraph, set: &SelectionSet, out: &mut Vec<AbstractCondition>) {
        for item in &set.items {
            match item {
                Selection::Field(field) => {
                    if let Some(sub) = &field.selection_set {
                        walk(supergraph, sub, out);
                    }
                }
                Selection::InlineFragment(inline) => {
                    if let Some(condition) = &inline.type_condition
                        && let Some(info) = supergraph.type_info(condition)
                        && info.is_abstract()
                        && !out.iter().any(|c| c.type_name == condition.as_str())
                    {
                        out.push(AbstractCondition {
                            type_name: condition.to_string(),
                            object_types: info
                                .possible_types
                                .iter()
                                .map(|t| t.to_string())
                                .collect(),
                        });
                    }
                    walk(supergraph, &inline.selection_set, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(supergraph, set, &mut out);
    out
}

pub(super) fn collect_selection_variables(set: &SelectionSet, out: &mut Vec<Name>) {
    for item in &set.items {
        match item {
            Selection::Field(field) => {
                for argument in &field.arguments {
                    collect_variables(&argument.value, out);
                }
                if let Some(sub) = &field.selection_set {
                    collect_selection_variables(sub, out);
                }
            }
            Selection::InlineFragment(inline) => {
                collect_selection_variables(&inline.selection_set, out)
            }
        }
    }
}

fn sequence(mut nodes: Vec<PlanNode>) -> Option<PlanNode> {
    match nodes.len() {
        0 => None,
        1 => nodes.pop(),
        _ => Some(PlanNode::Sequence { nodes }),
    }
}

//! `@fromContext` arguments (Federation 2.8 `@context`).
//!
//! A field whose subgraph takes an argument from a context gets that argument from the nearest
//! ancestor object that sets the context. Before planning, [`prepare`] rewrites the operation:
//! each such field gets its argument as an internal variable (`$contextualArgument_1_0`), and
//! every ancestor level that may set the context selects `__typename` and the context's
//! selection (under internal aliases), so that the planner fetches them like any other field.
//! The field itself can only be resolved at the root of an entity fetch (like `@requires`):
//! the executor finds each entity's nearest context ancestor in the response, reads the value
//! and sends one request per distinct value. [`order`] makes those fetches wait for the
//! fetches that bring the context values.

use super::PathSegment;
use super::planner::{Group, extend_path};
use crate::selection::{Field, Selection, SelectionSet, typename_field};
use crate::supergraph::Supergraph;
use apollo_compiler::ast::{Argument, Value};
use apollo_compiler::{Name, Node};
use std::collections::HashMap;

/// One internal variable: the value of one context argument of one field of the operation.
#[derive(Debug, Clone)]
pub(super) struct ContextVariable {
    pub variable: Name,
    /// The argument's type in the subgraph.
    pub ty: String,
    /// Per type that sets the context: its object types at runtime and the (aliased) selection.
    pub sources: Vec<(Name, Vec<Name>, SelectionSet)>,
    /// Operation paths (without type conditions) of the levels that select the context.
    pub places: Vec<Vec<PathSegment>>,
}

/// Rewrites `selection` for planning; see the module documentation.
pub(super) fn prepare(
    supergraph: &Supergraph,
    selection: &SelectionSet,
    root_type: &Name,
) -> (SelectionSet, Vec<ContextVariable>) {
    let mut preparer = Preparer {
        supergraph,
        variables: Vec::new(),
        by_place: HashMap::new(),
        fields: 0,
    };
    let mut selection = selection.clone();
    // Requests left unresolved at the root have no ancestor setting their context: the
    // executor sends null for them.
    let _ = preparer.walk(&mut selection, root_type, &[]);
    (selection, preparer.variables)
}

struct Preparer<'a> {
    supergraph: &'a Supergraph,
    variables: Vec<ContextVariable>,
    /// Variables already made for a (place, field, argument): one object, one value.
    by_place: HashMap<String, usize>,
    /// Fields given context variables so far: numbers the variables.
    fields: usize,
}

impl Preparer<'_> {
    /// Walks one object level. Returns the requests made by fields of this object (they need
    /// an ancestor above it) and the requests from below that this object did not settle.
    fn walk(
        &mut self,
        set: &mut SelectionSet,
        ty: &Name,
        path: &[PathSegment],
    ) -> (Vec<usize>, Vec<usize>) {
        let mut own = Vec::new();
        let mut below = Vec::new();
        for item in &mut set.items {
            match item {
                Selection::Field(field) => {
                    own.extend(self.receive(ty, field, path));
                    let sub_path = extend_path(path, field);
                    let return_type = field.ty.inner_named_type().clone();
                    if let Some(sub) = &mut field.selection_set {
                        let (o, u) = self.walk(sub, &return_type, &sub_path);
                        below.extend(o);
                        below.extend(u);
                    }
                }
                Selection::InlineFragment(inline) => {
                    let condition = inline.type_condition.clone().unwrap_or_else(|| ty.clone());
                    let (o, u) = self.walk(&mut inline.selection_set, &condition, path);
                    own.extend(o);
                    below.extend(self.resolve(&mut inline.selection_set, &condition, path, u));
                }
            }
        }
        let unresolved = self.resolve(set, ty, path, below);
        (own, unresolved)
    }

    /// Gives `field` its context arguments as variables; returns the new requests.
    fn receive(&mut self, ty: &Name, field: &mut Field, path: &[PathSegment]) -> Vec<usize> {
        let Some(arguments) = self
            .supergraph
            .type_info(ty)
            .and_then(|t| t.fields.get(&field.name))
            .and_then(|f| f.graphs.iter().find(|g| !g.context_arguments.is_empty()))
            .map(|g| g.context_arguments.clone())
        else {
            return Vec::new();
        };
        let mut requests = Vec::new();
        let number = self.fields + 1;
        let mut numbered = false;
        for (j, argument) in arguments.iter().enumerate() {
            let place = format!(
                "{}/{}/{}/{}",
                path.iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>()
                    .join("."),
                field.response_key(),
                field.name,
                argument.name
            );
            let index = match self.by_place.get(&place) {
                Some(&index) => index,
                None => {
                    numbered = true;
                    let variable = Name::new(&format!("contextualArgument_{number}_{j}"))
                        .expect("a valid GraphQL name");
                    let sources = argument
                        .selections
                        .iter()
                        .map(|(setter, selection)| {
                            (
                                setter.clone(),
                                self.runtime_types(setter),
                                alias_top_level(selection, number),
                            )
                        })
                        .collect();
                    self.variables.push(ContextVariable {
                        variable,
                        ty: argument.ty.clone(),
                        sources,
                        places: Vec::new(),
                    });
                    self.by_place.insert(place, self.variables.len() - 1);
                    self.variables.len() - 1
                }
            };
            let variable = self.variables[index].variable.clone();
            if !field.arguments.iter().any(|a| a.name == argument.name) {
                field.arguments.push(Node::new(Argument {
                    name: argument.name.clone(),
                    value: Node::new(Value::Variable(variable)),
                }));
            }
            requests.push(index);
        }
        if numbered {
            self.fields += 1;
        }
        requests
    }

    /// Adds the context selections of `requests` to the level (`set` on `ty`) wherever its
    /// objects may set the context. Returns the requests some of its objects leave unsettled.
    fn resolve(
        &mut self,
        set: &mut SelectionSet,
        ty: &Name,
        path: &[PathSegment],
        requests: Vec<usize>,
    ) -> Vec<usize> {
        let mut unresolved = Vec::new();
        let level_types = self.runtime_types(ty);
        for index in requests {
            let mut settled = false;
            let mut added = false;
            for (setter, setter_types, selection) in self.variables[index].sources.clone() {
                if !level_types.iter().any(|t| setter_types.contains(t)) {
                    continue;
                }
                added = true;
                set.merge_field(typename_field());
                if level_types.iter().all(|t| setter_types.contains(t)) {
                    set.merge(selection);
                    settled = true;
                } else {
                    set.merge_fragment(Some(setter), selection);
                }
            }
            if added {
                let place: Vec<PathSegment> = path
                    .iter()
                    .filter(|s| !matches!(s, PathSegment::TypeCondition(_)))
                    .cloned()
                    .collect();
                let places = &mut self.variables[index].places;
                if !places.contains(&place) {
                    places.push(place);
                }
            }
            if !settled && !unresolved.contains(&index) {
                unresolved.push(index);
            }
        }
        unresolved
    }

    /// The object types a value of `ty` can have.
    fn runtime_types(&self, ty: &Name) -> Vec<Name> {
        match self.supergraph.type_info(ty) {
            Some(info) if info.is_abstract() => info.possible_types.clone(),
            _ => vec![ty.clone()],
        }
    }
}

/// Gives the fields at the top of a context selection internal aliases, so that they never
/// collide with what the client selects under the same response keys.
fn alias_top_level(set: &SelectionSet, number: usize) -> SelectionSet {
    let items = set
        .items
        .iter()
        .map(|item| match item {
            Selection::Field(field) => {
                let mut field = field.clone();
                let alias = if field.arguments.is_empty() {
                    format!("_context_{}", field.name)
                } else {
                    format!("_context{number}_{}", field.name)
                };
                field.alias = Name::new(&alias).ok();
                Selection::Field(field)
            }
            Selection::InlineFragment(inline) => {
                let mut inline = inline.clone();
                inline.selection_set = alias_top_level(&inline.selection_set, number);
                Selection::InlineFragment(inline)
            }
        })
        .collect();
    SelectionSet { items }
}

/// Makes every fetch that sends a context variable wait for the fetches that select the
/// context at one of its places (and its ancestors wait too, so that the wait holds at the
/// level where the two branches of the plan part).
pub(super) fn order(groups: &mut [Group], variables: &[ContextVariable]) {
    for receiver in 0..groups.len() {
        let mut used = Vec::new();
        super::groups::collect_selection_variables(&groups[receiver].selection, &mut used);
        let mut waits: Vec<usize> = Vec::new();
        for variable in variables.iter().filter(|v| used.contains(&v.variable)) {
            let keys: Vec<Name> = variable
                .sources
                .iter()
                .flat_map(|(_, _, s)| s.fields().map(|f| f.response_key().clone()))
                .collect();
            for place in &variable.places {
                for source in 0..groups.len() {
                    if source != receiver
                        && !is_ancestor_or_self(groups, source, receiver)
                        && selects_at(&groups[source], place, &keys)
                        && !waits.contains(&source)
                    {
                        waits.push(source);
                    }
                }
            }
        }
        for source in waits {
            let mut current = Some(receiver);
            while let Some(group) = current {
                if is_ancestor_or_self(groups, group, source) {
                    break;
                }
                if !groups[group].deps.contains(&source) {
                    groups[group].deps.push(source);
                }
                current = groups[group].parent;
            }
        }
    }
}

fn is_ancestor_or_self(groups: &[Group], ancestor: usize, mut group: usize) -> bool {
    loop {
        if group == ancestor {
            return true;
        }
        match groups[group].parent {
            Some(parent) => group = parent,
            None => return false,
        }
    }
}

/// Whether `group` selects one of `keys` on the objects at `place`.
fn selects_at(group: &Group, place: &[PathSegment], keys: &[Name]) -> bool {
    let own: Vec<&PathSegment> = group
        .path
        .iter()
        .filter(|s| !matches!(s, PathSegment::TypeCondition(_)))
        .collect();
    if own.len() > place.len() || own.iter().zip(place).any(|(a, b)| *a != b) {
        return false;
    }
    let mut sets: Vec<&SelectionSet> = vec![&group.selection];
    for segment in &place[own.len()..] {
        if let PathSegment::Key(key) = segment {
            sets = sets
                .iter()
                .flat_map(|s| s.fields())
                .filter(|f| f.response_key().as_str() == key)
                .filter_map(|f| f.selection_set.as_ref())
                .collect();
        }
    }
    sets.iter()
        .any(|s| s.fields().any(|f| keys.contains(f.response_key())))
}

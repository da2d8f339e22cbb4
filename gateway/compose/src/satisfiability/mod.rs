//! Satisfiability: every field a client can select must be resolvable from
//! every place a query plan can be when it selects it.
//!
//! As in Apollo's validation, the supergraph API schema is walked from its
//! root types, and each supergraph path is paired with every subgraph path
//! that can serve it ([`graph`]: positions in subgraphs, key, root,
//! `@provides`, `@requires` and `@interfaceObject` edges). A state is a
//! supergraph type with the groups of positions that reach it; a field
//! (or type condition) is satisfiable from a state when at least one group
//! can take it. A group usually holds one member (alternative positions of
//! one object); an interface field that a subgraph resolves only on each
//! implementation splits a group into one member per implementation, all of
//! which must then advance. States are visited once; a state with more
//! alternatives than a visited one adds nothing and is skipped.
//!
//! A state also carries the contexts (`@context`) its path went through: a
//! field with a contextual argument (`@fromContext`) is taken only where an
//! ancestor on the path sets that context, as Apollo's query graph requires.

mod graph;
mod report;
mod selection;

use crate::diagnostic::Diagnostic;
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Kind, OutSchema};
use apollo_compiler::schema::ExtendedType;
use graph::{Excluded, Graph, Position, Step};

/// Contexts a path went through: (subgraph, context name).
type Contexts = BTreeSet<(usize, String)>;
use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

/// Alternative positions of one object: any of them may serve a field.
type Member = Vec<Position>;
/// Members that must all advance (one per runtime type after a type explosion).
type Group = Vec<Member>;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct State {
    /// The supergraph type.
    ty: String,
    groups: Vec<Group>,
    /// (subgraph, context name) set by an ancestor on the path here.
    contexts: BTreeSet<(usize, String)>,
}

/// How a state was reached, for the example query of a diagnostic.
#[derive(Debug, Clone)]
struct Trail {
    parent: Option<usize>,
    field: String,
    condition: Option<String>,
}

/// States beyond this many are not explored (a safety net for pathological
/// supergraphs; no real one comes near).
const MAX_STATES: usize = 200_000;

pub(crate) fn check(sgs: &[Subgraph], out: &OutSchema) -> Result<(), Vec<Diagnostic>> {
    let hidden = out
        .inaccessible
        .clone()
        .unwrap_or_else(|| "inaccessible".to_string());
    let walker = Walker {
        graph: Graph::new(sgs, out),
        out,
        hidden,
    };
    walker.run()
}

struct Walker<'a> {
    graph: Graph<'a>,
    out: &'a OutSchema,
    hidden: String,
}

impl Walker<'_> {
    fn run(&self) -> Result<(), Vec<Diagnostic>> {
        let mut states: Vec<State> = Vec::new();
        let mut trails: Vec<Trail> = Vec::new();
        let mut seen: HashSet<State> = HashSet::new();
        let mut simple_seen: HashMap<String, Vec<(BTreeSet<Position>, Contexts)>> = HashMap::new();
        let mut queue = VecDeque::new();
        for root in ["Query", "Mutation", "Subscription"] {
            if !self.out.types.contains_key(root) {
                continue;
            }
            let member: Member = self
                .graph
                .sgs
                .iter()
                .enumerate()
                .filter(|(_, sg)| {
                    matches!(sg.schema.types.get(root), Some(ExtendedType::Object(o)) if o.fields.keys().any(|f| sg.is_merged_field(root, f)))
                })
                .map(|(i, _)| Position::new(i, root))
                .collect();
            if member.is_empty() {
                continue;
            }
            let state = State {
                ty: root.to_string(),
                groups: vec![vec![member]],
                contexts: Contexts::new(),
            };
            seen.insert(state.clone());
            states.push(state);
            trails.push(Trail {
                parent: None,
                field: root.to_string(),
                condition: None,
            });
            queue.push_back(states.len() - 1);
        }
        let mut reported: HashSet<String> = HashSet::new();
        let mut diagnostics = Vec::new();
        while let Some(at) = queue.pop_front() {
            if states.len() > MAX_STATES {
                break;
            }
            let state = states[at].clone();
            for (next, field, condition) in self.transitions(&state, &mut |field| {
                let coordinate = format!("{}.{field}", state.ty);
                if reported.insert(coordinate) {
                    diagnostics.push(report::unsatisfiable(
                        &self.graph,
                        &states,
                        &trails,
                        at,
                        field,
                    ));
                }
            }) {
                if !seen.insert(next.clone()) || self.covered(&next, &mut simple_seen) {
                    continue;
                }
                states.push(next);
                trails.push(Trail {
                    parent: Some(at),
                    field,
                    condition,
                });
                queue.push_back(states.len() - 1);
            }
        }
        if diagnostics.is_empty() {
            Ok(())
        } else {
            Err(diagnostics)
        }
    }

    /// Whether a one-member state has at least the alternatives and contexts
    /// of a visited one (so it can only succeed where that one did); records
    /// it otherwise.
    fn covered(
        &self,
        state: &State,
        seen: &mut HashMap<String, Vec<(BTreeSet<Position>, Contexts)>>,
    ) -> bool {
        let [group] = state.groups.as_slice() else {
            return false;
        };
        let [member] = group.as_slice() else {
            return false;
        };
        let set: BTreeSet<Position> = member.iter().cloned().collect();
        let visited = seen.entry(state.ty.clone()).or_default();
        if visited
            .iter()
            .any(|(v, c)| v.is_subset(&set) && c.is_subset(&state.contexts))
        {
            return true;
        }
        visited.push((set, state.contexts.clone()));
        false
    }

    /// The states reached from `state` by its fields and type conditions;
    /// `unsatisfiable` is called with each field no group can take.
    fn transitions(
        &self,
        state: &State,
        unsatisfiable: &mut dyn FnMut(&str),
    ) -> Vec<(State, String, Option<String>)> {
        let mut next = Vec::new();
        let Some(out_type) = self.out.types.get(&state.ty) else {
            return next;
        };
        let mut below = state.contexts.clone();
        below.extend(self.contexts_set_by(&state.ty));
        for (field, out_field) in &out_type.fields {
            if out_field.directives.iter().any(|d| d.name == self.hidden) {
                continue;
            }
            let groups: Vec<Group> = state
                .groups
                .iter()
                .filter_map(|g| self.advance(g, field, &state.contexts))
                .collect();
            if groups.is_empty() {
                unsatisfiable(field);
                continue;
            }
            let base = base_type(&out_field.ty);
            let composite =
                self.out.types.get(base).is_some_and(|t| {
                    matches!(t.kind, Kind::Object | Kind::Interface | Kind::Union)
                });
            if composite && !self.is_hidden_type(base) {
                next.push((normalize(base, groups, &below), field.clone(), None));
            }
        }
        if matches!(out_type.kind, Kind::Interface | Kind::Union) {
            for object in self.runtime_types(&state.ty) {
                let groups: Vec<Group> = state
                    .groups
                    .iter()
                    .filter_map(|g| self.downcast(g, &object))
                    .collect();
                if !groups.is_empty() {
                    next.push((
                        normalize(&object, groups, &state.contexts),
                        String::new(),
                        Some(object),
                    ));
                }
            }
        }
        next
    }

    /// A group after taking `field`, if every member can (with the contexts
    /// the path set, for contextual arguments).
    fn advance(&self, group: &Group, field: &str, contexts: &Contexts) -> Option<Group> {
        let none = Excluded::new();
        let mut out = Vec::new();
        for member in group {
            let mut simple = BTreeSet::new();
            let mut leaf = false;
            let mut exploded = None;
            let context_set = |at: &Position| {
                self.graph.sgs[at.sg]
                    .context_arguments(&at.ty, field)
                    .iter()
                    .all(|a| contexts.contains(&(at.sg, a.context.clone())))
            };
            for p in member {
                for step in self.graph.options_where(p, field, &none, &context_set) {
                    match step {
                        Step::Leaf => leaf = true,
                        Step::To(t) => {
                            simple.insert(t);
                        }
                        Step::Exploded(members) => {
                            exploded.get_or_insert(members);
                        }
                    }
                }
            }
            if leaf {
                out.push(Vec::new());
            } else if !simple.is_empty() {
                out.push(simple.into_iter().collect());
            } else if let Some(members) = exploded {
                out.extend(members);
            } else {
                return None;
            }
        }
        Some(out)
    }

    /// A group narrowed to runtime type `object`: members that can never be
    /// of that type (their subgraph does not return it there) drop out.
    fn downcast(&self, group: &Group, object: &str) -> Option<Group> {
        let none = Excluded::new();
        let mut out = Vec::new();
        for member in group {
            let mut narrowed = BTreeSet::new();
            for p in member {
                if let Some(q) = self.graph.downcast(p, object) {
                    narrowed.insert(q);
                } else if self.graph.sgs[p.sg].is_interface_object(&p.ty) {
                    // An interface object knows no implementation: the plan
                    // moves to a subgraph with the real interface first.
                    for c in self.graph.closure(p, &none).iter() {
                        if let Some(q) = self.graph.downcast(c, object) {
                            narrowed.insert(q);
                        }
                    }
                }
            }
            if !narrowed.is_empty() {
                out.push(narrowed.into_iter().collect());
            }
        }
        (!out.is_empty()).then_some(out)
    }

    fn runtime_types(&self, abstract_type: &str) -> Vec<String> {
        let Some(t) = self.out.types.get(abstract_type) else {
            return Vec::new();
        };
        let candidates: Vec<String> = match t.kind {
            Kind::Union => t.members.clone(),
            _ => self
                .out
                .types
                .values()
                .filter(|o| {
                    o.kind == Kind::Object && o.implements.iter().any(|i| i == abstract_type)
                })
                .map(|o| o.name.clone())
                .collect(),
        };
        candidates
            .into_iter()
            .filter(|c| !self.is_hidden_type(c))
            .collect()
    }

    /// The contexts a field of supergraph type `ty` passes to what is below
    /// it: those set (in any subgraph) on the type, an interface it
    /// implements or a union it belongs to.
    fn contexts_set_by(&self, ty: &str) -> Contexts {
        let mut set = Contexts::new();
        let mut names = vec![ty.to_string()];
        if let Some(t) = self.out.types.get(ty) {
            names.extend(t.implements.iter().cloned());
        }
        names.extend(
            self.out
                .types
                .values()
                .filter(|u| u.kind == Kind::Union && u.members.iter().any(|m| m == ty))
                .map(|u| u.name.clone()),
        );
        for (i, sg) in self.graph.sgs.iter().enumerate() {
            if sg.local("context").is_none() {
                continue;
            }
            for name in &names {
                for context in sg.contexts_set(name) {
                    set.insert((i, context));
                }
            }
        }
        set
    }

    fn is_hidden_type(&self, name: &str) -> bool {
        self.out
            .types
            .get(name)
            .is_some_and(|t| t.directives.iter().any(|d| d.name == self.hidden))
    }
}

/// A state with its groups in a canonical order, so equal states compare equal.
fn normalize(ty: &str, mut groups: Vec<Group>, contexts: &Contexts) -> State {
    for group in &mut groups {
        for member in group.iter_mut() {
            member.sort();
            member.dedup();
        }
        group.sort();
        group.dedup();
    }
    groups.sort();
    groups.dedup();
    State {
        ty: ty.to_string(),
        groups,
        contexts: contexts.clone(),
    }
}

/// `[Comment!]!` -> `Comment`.
fn base_type(printed: &str) -> &str {
    printed.trim_matches(|c| c == '[' || c == ']' || c == '!')
}

//! `@defer`: deferred fragments become parts planned on their own, run after the primary part.
//!
//! [`split`] takes the deferred fragments out of the operation. Each becomes a part whose plan
//! starts at the nearest level above it (or at it) whose objects are entities a subgraph can
//! resolve by a `@key`: the part is an entity fetch over the objects there, and the enclosing
//! part selects their `__typename` and key. Without such a level the part starts at the query
//! root (root fields are read again). Parts keep document order, so a part nested in another
//! deferred fragment runs after it.

use super::PathSegment;
use super::planner::extend_path;
use crate::selection::{Field, InlineFragment, Selection, SelectionSet, typename_field};
use crate::supergraph::{GraphId, Supergraph, TypeKind};
use apollo_compiler::Name;

/// A deferred fragment, ready to plan and to deliver.
#[derive(Debug, Clone)]
pub(super) struct DeferredPart {
    pub label: Option<String>,
    /// The objects the fragment applies to (list and type-condition segments included).
    pub path: Vec<PathSegment>,
    /// From the operation root down to the fragment: what the part's payload is shaped by.
    pub shape: SelectionSet,
    pub entry: Entry,
    /// What the part fetches, on the entry's type.
    pub selection: SelectionSet,
}

/// Where a deferred part's plan starts.
#[derive(Debug, Clone)]
pub(super) enum Entry {
    /// At the operation root.
    Root,
    /// An entity fetch for the objects at `path`, of type `type_name`, by `key`, in whichever
    /// of `graphs` (all resolve that key) needs the fewest fetches.
    Entity {
        graphs: Vec<GraphId>,
        type_name: Name,
        key: SelectionSet,
        path: Vec<PathSegment>,
    },
}

/// Takes the deferred fragments out of `selection`; see the module documentation.
pub(super) fn split(
    supergraph: &Supergraph,
    selection: &SelectionSet,
    root_type: &Name,
) -> (SelectionSet, Vec<DeferredPart>) {
    let mut splitter = Splitter {
        supergraph,
        parts: Vec::new(),
    };
    let mut primary = selection.clone();
    for bubble in splitter.walk(&mut primary, root_type, &[]) {
        let part = &mut splitter.parts[bubble.part];
        part.shape = bubble.shape;
        if let Some(selection) = bubble.plan {
            part.selection = selection;
        }
    }
    (primary, splitter.parts)
}

struct Splitter<'a> {
    supergraph: &'a Supergraph,
    parts: Vec<DeferredPart>,
}

/// A deferred part on its way up: its shape and (until an entry is found) its plan selection,
/// both rooted at the level being walked.
struct Bubble {
    part: usize,
    shape: SelectionSet,
    plan: Option<SelectionSet>,
}

impl Splitter<'_> {
    fn walk(&mut self, set: &mut SelectionSet, ty: &Name, path: &[PathSegment]) -> Vec<Bubble> {
        let mut bubbles = Vec::new();
        let mut i = 0;
        while i < set.items.len() {
            match &mut set.items[i] {
                Selection::Field(field) => {
                    let sub_path = extend_path(path, field);
                    let return_type = field.ty.inner_named_type().clone();
                    if let Some(sub) = &mut field.selection_set {
                        let inner = self.walk(sub, &return_type, &sub_path);
                        let shell = |set: SelectionSet| SelectionSet {
                            items: vec![Selection::Field(Field {
                                alias: field.alias.clone(),
                                name: field.name.clone(),
                                arguments: field.arguments.clone(),
                                ty: field.ty.clone(),
                                selection_set: Some(set),
                            })],
                        };
                        bubbles.extend(inner.into_iter().map(|b| Bubble {
                            part: b.part,
                            shape: shell(b.shape),
                            plan: b.plan.map(shell),
                        }));
                    }
                    i += 1;
                }
                Selection::InlineFragment(inline) if inline.defer.is_some() => {
                    let label = inline.defer.as_ref().and_then(|d| d.label.clone());
                    let Selection::InlineFragment(fragment) = set.items.remove(i) else {
                        continue;
                    };
                    bubbles.extend(self.deferred(fragment, label, ty, path));
                }
                Selection::InlineFragment(inline) => {
                    let condition = inline.type_condition.clone();
                    let level = condition.clone().unwrap_or_else(|| ty.clone());
                    let inner = self.walk(&mut inline.selection_set, &level, path);
                    bubbles.extend(inner.into_iter().map(|b| wrap_in_fragment(b, &condition)));
                    i += 1;
                }
            }
        }
        self.claim_entries(set, ty, path, &mut bubbles);
        bubbles
    }

    /// A deferred fragment taken out of its level: a new part, and the parts nested in it.
    fn deferred(
        &mut self,
        fragment: InlineFragment,
        label: Option<String>,
        ty: &Name,
        path: &[PathSegment],
    ) -> Vec<Bubble> {
        let condition = fragment.type_condition.clone();
        let level = condition.clone().unwrap_or_else(|| ty.clone());
        let mut part_path = path.to_vec();
        let (level_types, parent_types) = (self.runtime_types(&level), self.runtime_types(ty));
        if level_types != parent_types {
            part_path.push(PathSegment::TypeCondition(
                level_types.iter().map(|t| t.to_string()).collect(),
            ));
        }
        // The part is numbered before its nested parts, so that it runs before them.
        let index = self.parts.len();
        self.parts.push(DeferredPart {
            label,
            path: part_path,
            shape: SelectionSet::default(),
            entry: Entry::Root,
            selection: SelectionSet::default(),
        });
        let mut content = fragment.selection_set;
        let inner = self.walk(&mut content, &level, path);
        let own = SelectionSet {
            items: vec![Selection::InlineFragment(InlineFragment {
                type_condition: condition.clone(),
                selection_set: content,
                defer: None,
            })],
        };
        let mut bubbles = vec![Bubble {
            part: index,
            shape: own.clone(),
            plan: Some(own),
        }];
        bubbles.extend(inner.into_iter().map(|b| wrap_in_fragment(b, &condition)));
        bubbles
    }

    /// Makes this level the entry of the parts below it that have none, when its objects are
    /// entities: they then select `__typename` and the key here.
    fn claim_entries(
        &mut self,
        set: &mut SelectionSet,
        ty: &Name,
        path: &[PathSegment],
        bubbles: &mut [Bubble],
    ) {
        for bubble in bubbles.iter_mut() {
            let Some(plan) = &bubble.plan else { continue };
            let Some((graphs, key)) = self.entity_entry(ty, plan) else {
                continue;
            };
            set.merge_field(typename_field());
            set.merge(key.clone());
            let part = &mut self.parts[bubble.part];
            part.entry = Entry::Entity {
                graphs,
                type_name: ty.clone(),
                key,
                path: path.to_vec(),
            };
            part.selection = bubble.plan.take().unwrap_or_default();
        }
    }

    /// The subgraphs an entity fetch for `plan` on objects of `ty` may start in, and their key:
    /// the key of the subgraph that resolves most of the fields selected at the top, and every
    /// subgraph that resolves the same key.
    fn entity_entry(&self, ty: &Name, plan: &SelectionSet) -> Option<(Vec<GraphId>, SelectionSet)> {
        let info = self.supergraph.type_info(ty)?;
        if info.kind != TypeKind::Object {
            return None;
        }
        let names: Vec<&Name> = plan.fields().map(|f| &f.name).collect();
        let mut best: Option<(usize, &crate::supergraph::Key)> = None;
        for in_graph in &info.graphs {
            let Some(key) = in_graph.keys.iter().find(|k| k.resolvable) else {
                continue;
            };
            let served = names
                .iter()
                .filter(|name| {
                    info.fields
                        .get(**name)
                        .is_some_and(|f| f.in_graph(in_graph.graph).is_some_and(|g| !g.external))
                })
                .count();
            if best.is_none_or(|(count, _)| served > count) {
                best = Some((served, key));
            }
        }
        let (_, key) = best?;
        let graphs = info
            .graphs
            .iter()
            .filter(|g| {
                g.keys
                    .iter()
                    .any(|k| k.resolvable && k.source == key.source)
            })
            .map(|g| g.graph)
            .collect();
        Some((graphs, key.fields.clone()))
    }

    fn runtime_types(&self, ty: &Name) -> Vec<Name> {
        match self.supergraph.type_info(ty) {
            Some(info) if info.is_abstract() => {
                let mut types = info.possible_types.clone();
                types.sort();
                types
            }
            _ => vec![ty.clone()],
        }
    }
}

fn wrap_in_fragment(bubble: Bubble, condition: &Option<Name>) -> Bubble {
    let shell = |set: SelectionSet| SelectionSet {
        items: vec![Selection::InlineFragment(InlineFragment {
            type_condition: condition.clone(),
            selection_set: set,
            defer: None,
        })],
    };
    Bubble {
        part: bubble.part,
        shape: shell(bubble.shape),
        plan: bubble.plan.map(shell),
    }
}

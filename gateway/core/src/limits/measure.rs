//! Measures an operation of a parsed (not yet validated) document without expanding its
//! fragments: each fragment is measured once and its figures reused wherever it is spread, so
//! a document whose fragments expand exponentially costs time in its size, not in its
//! expansion. Unknown fragments and fragment cycles count as empty: validation reports them.

use apollo_compiler::Name;
use apollo_compiler::Node;
use apollo_compiler::ast::{Definition, Document, FragmentDefinition, Selection};
use std::collections::HashMap;

/// What the limits look at, for one selection set with its fragments expanded. Counts
/// saturate rather than overflow.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Measure {
    /// Field selections once fragments are expanded.
    pub(crate) selections: u64,
    /// Deepest nesting of fields (a field at the top counts 1).
    pub(crate) depth: u64,
    pub(crate) aliases: u64,
    /// Fields at the top of the selection set, through fragments.
    pub(crate) top_fields: u64,
    /// Longest chain of fragments spread inside fragments.
    pub(crate) fragment_depth: u64,
    /// Most directives on one selection.
    pub(crate) directives: u64,
}

impl Measure {
    /// Adds a nested selection set's figures, as seen from here.
    fn absorb(&mut self, inner: &Measure) {
        self.selections = self.selections.saturating_add(inner.selections);
        self.depth = self.depth.max(inner.depth);
        self.aliases = self.aliases.saturating_add(inner.aliases);
        self.top_fields = self.top_fields.saturating_add(inner.top_fields);
        self.fragment_depth = self.fragment_depth.max(inner.fragment_depth);
        self.directives = self.directives.max(inner.directives);
    }
}

enum Memo {
    InProgress,
    Done(Measure),
}

/// Measures selection sets of one document, remembering each fragment's figures.
pub(crate) struct Measurer<'a> {
    fragments: HashMap<&'a Name, &'a Node<FragmentDefinition>>,
    memo: HashMap<&'a Name, Memo>,
    /// Spreads followed deeper than this are cut: the chain is already over the limit.
    max_fragment_depth: u64,
}

impl<'a> Measurer<'a> {
    pub(crate) fn new(document: &'a Document, max_fragment_depth: usize) -> Self {
        Self {
            fragments: fragments_of(document),
            memo: HashMap::new(),
            max_fragment_depth: max_fragment_depth as u64,
        }
    }

    /// The figures of `selections`, spread `chain` fragments deep.
    pub(crate) fn measure(&mut self, selections: &'a [Selection], chain: u64) -> Measure {
        let mut total = Measure::default();
        for selection in selections {
            match selection {
                Selection::Field(field) => {
                    let inner = self.measure(&field.selection_set, chain);
                    total.selections = total.selections.saturating_add(1);
                    total.aliases = total
                        .aliases
                        .saturating_add(u64::from(field.alias.is_some()));
                    total.top_fields = total.top_fields.saturating_add(1);
                    total.directives = total.directives.max(field.directives.len() as u64);
                    total.absorb(&Measure {
                        depth: inner.depth + 1,
                        top_fields: 0,
                        ..inner
                    });
                }
                Selection::InlineFragment(inline) => {
                    total.directives = total.directives.max(inline.directives.len() as u64);
                    let inner = self.measure(&inline.selection_set, chain);
                    total.absorb(&inner);
                }
                Selection::FragmentSpread(spread) => {
                    total.directives = total.directives.max(spread.directives.len() as u64);
                    let inner = self.fragment(&spread.fragment_name, chain + 1);
                    total.absorb(&Measure {
                        fragment_depth: inner.fragment_depth + 1,
                        ..inner
                    });
                }
            }
        }
        total
    }

    fn fragment(&mut self, name: &'a Name, chain: u64) -> Measure {
        match self.memo.get(name) {
            Some(Memo::Done(measure)) => return *measure,
            // A cycle: validation refuses the document; nothing to add here.
            Some(Memo::InProgress) => return Measure::default(),
            None => {}
        }
        let Some(fragment) = self.fragments.get(name).copied() else {
            return Measure::default();
        };
        if chain > self.max_fragment_depth {
            // Deeper than allowed already: stop following, so that recursion stays bounded.
            return Measure::default();
        }
        self.memo.insert(name, Memo::InProgress);
        let mut measure = self.measure(&fragment.selection_set, chain);
        measure.directives = measure.directives.max(fragment.directives.len() as u64);
        self.memo.insert(name, Memo::Done(measure));
        measure
    }
}

fn fragments_of(document: &Document) -> HashMap<&Name, &Node<FragmentDefinition>> {
    document
        .definitions
        .iter()
        .filter_map(|definition| match definition {
            Definition::FragmentDefinition(fragment) => Some((&fragment.name, fragment)),
            _ => None,
        })
        .collect()
}

/// Distinct fields of `selections` with fragments expanded: fields with the same response
/// path count once. It visits at most `budget` selections (fields, spreads, inline
/// fragments), so its cost stays bounded whatever the document; call it once the expansion is
/// known to be within bounds, or the count is a lower bound.
pub(crate) fn height(document: &Document, selections: &[Selection], budget: usize) -> usize {
    let mut walk = Walk {
        fragments: fragments_of(document),
        paths: HashMap::new(),
        active: Vec::new(),
        budget,
    };
    walk.collect_paths(selections, 0);
    walk.paths.len()
}

struct Walk<'a> {
    fragments: HashMap<&'a Name, &'a Node<FragmentDefinition>>,
    /// A number for each (parent path, response key) pair; their count is the height.
    paths: HashMap<(usize, &'a str), usize>,
    /// Fragments being expanded, to step over cycles.
    active: Vec<&'a Name>,
    /// Field selections still to visit.
    budget: usize,
}

impl<'a> Walk<'a> {
    fn collect_paths(&mut self, selections: &'a [Selection], parent: usize) {
        for selection in selections {
            // Every selection visited spends the budget, spreads too: a chain of spreads
            // without fields must not run unbounded either.
            let Some(budget) = self.budget.checked_sub(1) else {
                return;
            };
            self.budget = budget;
            match selection {
                Selection::Field(field) => {
                    let key = field.alias.as_ref().unwrap_or(&field.name).as_str();
                    let next = self.paths.len() + 1;
                    let id = *self.paths.entry((parent, key)).or_insert(next);
                    self.collect_paths(&field.selection_set, id);
                }
                Selection::InlineFragment(inline) => {
                    self.collect_paths(&inline.selection_set, parent);
                }
                Selection::FragmentSpread(spread) => {
                    let name = &spread.fragment_name;
                    let Some(fragment) = self.fragments.get(name).copied() else {
                        continue;
                    };
                    if self.active.contains(&name) {
                        continue;
                    }
                    self.active.push(name);
                    self.collect_paths(&fragment.selection_set, parent);
                    self.active.pop();
                }
            }
        }
    }
}

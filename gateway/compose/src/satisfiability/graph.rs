//! The subgraph side of satisfiability, after Apollo's federated query graph:
//! a query plan is at a [`Position`] (a type in one subgraph, plus what a
//! `@provides` on the way there made available), and moves by
//!
//! - field edges inside the subgraph: external fields only where provided,
//!   overridden fields never, `@requires` fields only when their conditions
//!   can be collected;
//! - key edges to another subgraph's copy of the same entity, when that copy
//!   has a resolvable `@key` whose fields can be collected from where the plan
//!   is (possibly through further key edges: keys obtainable through a hop);
//! - `@interfaceObject` edges: an object reaches the interface object of one
//!   of its interfaces by that interface's key, and back;
//! - root edges: every subgraph's root type reaches every other's.
//!
//! The graph is never built whole: edges are computed when asked for and
//! memoized, so only the parts a query can reach are ever looked at.

use super::selection::Selection;
use crate::subgraph::Subgraph;
use crate::supergraph::model::{Kind, OutSchema};
use apollo_compiler::schema::ExtendedType;
use std::cell::{Cell, RefCell};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::rc::Rc;

/// Where a query plan can be: a type of one subgraph.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Position {
    pub sg: usize,
    /// The type in that subgraph.
    pub ty: String,
    /// The supergraph object this position stands for, when `ty` is an
    /// `@interfaceObject` (or interface) of it rather than the object itself.
    pub stand_in_for: Option<String>,
    /// External fields below this position that a `@provides` makes resolvable.
    pub provided: Selection,
}

impl Position {
    pub(crate) fn new(sg: usize, ty: impl Into<String>) -> Self {
        Position {
            sg,
            ty: ty.into(),
            stand_in_for: None,
            provided: Selection::default(),
        }
    }

    /// The supergraph type this position represents.
    pub(crate) fn supergraph_type(&self) -> &str {
        self.stand_in_for.as_deref().unwrap_or(&self.ty)
    }
}

/// Where taking a field leads.
#[derive(Debug, Clone)]
pub(crate) enum Step {
    /// A leaf field: nothing to continue from.
    Leaf,
    To(Position),
    /// The field is not on the subgraph's interface, but every implementation
    /// there resolves it: one set of alternative positions per implementation,
    /// all of which a continuation must satisfy.
    Exploded(Vec<Vec<Position>>),
}

/// Subgraphs (and the types in them) that a condition being resolved is
/// already jumping to: never jumped to again inside that resolution.
pub(crate) type Excluded = BTreeSet<(usize, String)>;

/// (subgraph, type, field set text) -> the parsed field set, `None` when invalid.
type SelectionCache = HashMap<(usize, String, String), Option<Rc<Selection>>>;
/// (position, excluded jumps) -> the positions key and root edges reach.
type ClosureCache = HashMap<(Position, Excluded), Rc<Vec<Position>>>;

pub(crate) struct Graph<'a> {
    pub sgs: &'a [Subgraph],
    pub out: &'a OutSchema,
    /// (subgraph, type, field) whose resolution moved away with `@override`.
    overridden: HashSet<(usize, String, String)>,
    selections: RefCell<SelectionCache>,
    closures: RefCell<ClosureCache>,
    collected: RefCell<HashMap<(Position, Selection, Excluded), bool>>,
    /// `@requires` being resolved: a condition needing itself is unsatisfiable.
    requiring: RefCell<HashSet<(usize, String, String)>>,
    /// Conditions being collected, for the same reason.
    collecting: RefCell<HashSet<(Position, Selection, Excluded)>>,
    /// How many times a cycle cut a resolution short: results computed while
    /// this moved depend on where the cycle started, so they are not memoized.
    cycles: Cell<u64>,
}

const ROOTS: &[&str] = &["Query", "Mutation", "Subscription"];

impl<'a> Graph<'a> {
    pub(crate) fn new(sgs: &'a [Subgraph], out: &'a OutSchema) -> Self {
        let mut overridden = HashSet::new();
        for sg in sgs {
            for (type_name, ty) in sg.merged_types() {
                let fields: Vec<&str> = match ty {
                    ExtendedType::Object(o) => o.fields.keys().map(|n| n.as_str()).collect(),
                    _ => continue,
                };
                for field in fields {
                    // A labelled (progressive) override leaves both subgraphs resolving.
                    if let Some((from, None)) = sg.override_of(type_name, field)
                        && let Some(i) = sgs.iter().position(|s| s.name == from)
                    {
                        overridden.insert((i, type_name.to_string(), field.to_string()));
                    }
                }
            }
        }
        Graph {
            sgs,
            out,
            overridden,
            selections: RefCell::default(),
            closures: RefCell::default(),
            collected: RefCell::default(),
            requiring: RefCell::default(),
            collecting: RefCell::default(),
            cycles: Cell::new(0),
        }
    }

    /// A field set of subgraph `sg` on `ty`, parsed once.
    pub(crate) fn selection(&self, sg: usize, ty: &str, text: &str) -> Option<Rc<Selection>> {
        let key = (sg, ty.to_string(), text.to_string());
        if let Some(s) = self.selections.borrow().get(&key) {
            return s.clone();
        }
        let parsed = Selection::parse(&self.sgs[sg].schema, ty, text)
            .ok()
            .map(Rc::new);
        self.selections.borrow_mut().insert(key, parsed.clone());
        parsed
    }

    fn is_abstract(&self, sg: usize, ty: &str) -> bool {
        let subgraph = &self.sgs[sg];
        matches!(
            subgraph.schema.types.get(ty),
            Some(ExtendedType::Interface(_) | ExtendedType::Union(_))
        )
    }

    /// Whether object `object` of subgraph `sg` is `condition` or one of its subtypes.
    fn satisfies(&self, sg: usize, object: &str, condition: &str) -> bool {
        object == condition
            || self.sgs[sg]
                .possible_types(condition)
                .iter()
                .any(|t| t == object)
    }

    /// The position for runtime type `object` below abstract position `p`.
    pub(crate) fn downcast(&self, p: &Position, object: &str) -> Option<Position> {
        if p.ty == object {
            return Some(p.clone());
        }
        if !self.is_abstract(p.sg, &p.ty)
            || !self.sgs[p.sg]
                .possible_types(&p.ty)
                .iter()
                .any(|t| t == object)
        {
            return None;
        }
        Some(Position {
            sg: p.sg,
            ty: object.to_string(),
            stand_in_for: None,
            provided: p.provided.narrowed(object),
        })
    }

    /// `p` and every position of the same object in other subgraphs that key
    /// (or root) edges reach from it.
    pub(crate) fn closure(&self, p: &Position, excluded: &Excluded) -> Rc<Vec<Position>> {
        let memo_key = (p.clone(), excluded.clone());
        if let Some(c) = self.closures.borrow().get(&memo_key) {
            return c.clone();
        }
        let cycles_before = self.cycles.get();
        let mut out = vec![p.clone()];
        if ROOTS.contains(&p.ty.as_str()) {
            for (i, sg) in self.sgs.iter().enumerate() {
                if i != p.sg
                    && matches!(
                        sg.schema.types.get(p.ty.as_str()),
                        Some(ExtendedType::Object(_))
                    )
                {
                    out.push(Position::new(i, p.ty.clone()));
                }
            }
        } else {
            for (i, ty, stand_in) in self.jump_targets(p) {
                if excluded.contains(&(i, ty.clone())) {
                    continue;
                }
                let mut inner = excluded.clone();
                inner.insert((i, ty.clone()));
                let reachable = self.sgs[i]
                    .keys(&ty)
                    .iter()
                    .filter(|k| k.resolvable())
                    .any(|k| {
                        self.selection(i, &ty, &k.fields)
                            .is_some_and(|key| self.can_collect(p, &key, &inner))
                    });
                if reachable {
                    out.push(Position {
                        sg: i,
                        ty,
                        stand_in_for: stand_in,
                        provided: Selection::default(),
                    });
                }
            }
        }
        let out = Rc::new(out);
        if self.cycles.get() == cycles_before {
            self.closures.borrow_mut().insert(memo_key, out.clone());
        }
        out
    }

    /// Other subgraphs' types a key edge from `p` could lead to.
    fn jump_targets(&self, p: &Position) -> Vec<(usize, String, Option<String>)> {
        let sup = p.supergraph_type().to_string();
        let interfaces: Vec<String> = match self.out.types.get(&sup) {
            Some(t) if t.kind == Kind::Object => t.implements.clone(),
            _ => Vec::new(),
        };
        let mut targets = Vec::new();
        for (i, sg) in self.sgs.iter().enumerate() {
            if i == p.sg {
                continue;
            }
            let has = |name: &str| {
                matches!(
                    sg.schema.types.get(name),
                    Some(ExtendedType::Object(_) | ExtendedType::Interface(_))
                ) && sg.is_merged_type(name)
            };
            if has(&sup) {
                targets.push((i, sup.clone(), None));
            } else if p.ty != sup && has(&p.ty) {
                targets.push((i, p.ty.clone(), Some(sup.clone())));
            } else {
                for itf in &interfaces {
                    if sg.is_interface_object(itf) {
                        targets.push((i, itf.clone(), Some(sup.clone())));
                    }
                }
            }
        }
        targets
    }

    /// Where taking `field` at `p` itself leads, if the subgraph resolves it there.
    pub(crate) fn direct(&self, p: &Position, field: &str, excluded: &Excluded) -> Option<Step> {
        if field == "__typename" {
            return Some(Step::Leaf);
        }
        let sg = &self.sgs[p.sg];
        let Some(def) = sg.field(&p.ty, field) else {
            return self.explode(p, field, excluded);
        };
        if !sg.is_merged_field(&p.ty, field) {
            return None;
        }
        let provided = p.provided.child(field);
        if sg.is_external(&p.ty, field) && provided.is_none() {
            return None;
        }
        let key = (p.sg, p.ty.clone(), field.to_string());
        if self.overridden.contains(&key) {
            return None;
        }
        if let Some(requires) = sg.requires(&p.ty, field) {
            if self.requiring.borrow().contains(&key) {
                self.cycles.set(self.cycles.get() + 1);
                return None;
            }
            self.requiring.borrow_mut().insert(key.clone());
            let met = self
                .selection(p.sg, &p.ty, &requires)
                .is_some_and(|r| self.can_collect(p, &r, excluded));
            self.requiring.borrow_mut().remove(&key);
            if !met {
                return None;
            }
        }
        let base = def.ty.inner_named_type().as_str();
        match sg.schema.types.get(base) {
            Some(ExtendedType::Object(_) | ExtendedType::Interface(_) | ExtendedType::Union(_)) => {
                let mut below = provided.cloned().unwrap_or_default();
                if let Some(text) = sg.provides(&p.ty, field)
                    && let Some(s) = self.selection(p.sg, base, &text)
                {
                    below.merge((*s).clone());
                }
                Some(Step::To(Position {
                    sg: p.sg,
                    ty: base.to_string(),
                    stand_in_for: None,
                    provided: below.narrowed(base),
                }))
            }
            _ => Some(Step::Leaf),
        }
    }

    /// An interface field this subgraph's interface lacks: resolvable when
    /// every implementation the subgraph knows resolves it (type explosion).
    fn explode(&self, p: &Position, field: &str, excluded: &Excluded) -> Option<Step> {
        let sg = &self.sgs[p.sg];
        if !matches!(
            sg.schema.types.get(p.ty.as_str()),
            Some(ExtendedType::Interface(_))
        ) {
            return None;
        }
        let implementations: Vec<String> = sg
            .possible_types(&p.ty)
            .into_iter()
            .filter(|t| self.out.types.contains_key(t))
            .collect();
        if implementations.is_empty() {
            return None;
        }
        let mut members = Vec::new();
        let mut all_leaves = true;
        for implementation in implementations {
            let q = self.downcast(p, &implementation)?;
            let steps = self.options(&q, field, excluded);
            if steps.is_empty() {
                return None;
            }
            let mut member = Vec::new();
            for step in steps {
                match step {
                    Step::Leaf => {}
                    Step::To(t) => {
                        all_leaves = false;
                        member.push(t);
                    }
                    Step::Exploded(inner) => {
                        all_leaves = false;
                        member.extend(inner.into_iter().flatten());
                    }
                }
            }
            members.push(member);
        }
        Some(if all_leaves {
            Step::Leaf
        } else {
            Step::Exploded(members)
        })
    }

    /// Every way to take `field` from `p`: directly, or after key edges.
    pub(crate) fn options(&self, p: &Position, field: &str, excluded: &Excluded) -> Vec<Step> {
        self.options_where(p, field, excluded, &|_| true)
    }

    /// [`Graph::options`] from the positions `usable` accepts only (the walk
    /// refuses a contextual field where its context is not set).
    pub(crate) fn options_where(
        &self,
        p: &Position,
        field: &str,
        excluded: &Excluded,
        usable: &dyn Fn(&Position) -> bool,
    ) -> Vec<Step> {
        let mut steps = Vec::new();
        for c in self.closure(p, excluded).iter().filter(|c| usable(c)) {
            if let Some(step) = self.direct(c, field, excluded) {
                // A leaf found anywhere is as good as any other.
                if matches!(step, Step::Leaf) {
                    return vec![Step::Leaf];
                }
                steps.push(step);
            }
        }
        steps
    }

    /// Whether every field of `selection` can be fetched for the object at `p`
    /// (each field from wherever it is reachable, as a query plan would).
    pub(crate) fn can_collect(
        &self,
        p: &Position,
        selection: &Selection,
        excluded: &Excluded,
    ) -> bool {
        let memo_key = (p.clone(), selection.clone(), excluded.clone());
        if let Some(known) = self.collected.borrow().get(&memo_key) {
            return *known;
        }
        // A condition that needs itself cannot be met through that cycle.
        if !self.collecting.borrow_mut().insert(memo_key.clone()) {
            self.cycles.set(self.cycles.get() + 1);
            return false;
        }
        let cycles_before = self.cycles.get();
        let result = self.collect_uncached(p, selection, excluded);
        self.collecting.borrow_mut().remove(&memo_key);
        if self.cycles.get() == cycles_before {
            self.collected.borrow_mut().insert(memo_key, result);
        }
        result
    }

    fn collect_uncached(&self, p: &Position, selection: &Selection, excluded: &Excluded) -> bool {
        let selection = selection.narrowed(p.supergraph_type());
        for (name, sub) in &selection.fields {
            if name == "__typename" {
                continue;
            }
            let ok = self
                .options(p, name, excluded)
                .iter()
                .any(|step| match step {
                    Step::Leaf => true,
                    Step::To(t) => sub.is_empty() || self.can_collect(t, sub, excluded),
                    Step::Exploded(members) => members.iter().all(|m| {
                        sub.is_empty() || m.iter().any(|t| self.can_collect(t, sub, excluded))
                    }),
                });
            if !ok {
                return false;
            }
        }
        for (condition, sub) in &selection.on {
            if self.is_abstract(p.sg, &p.ty) {
                for object in self.sgs[p.sg].possible_types(&p.ty) {
                    if !self.satisfies(p.sg, &object, condition) {
                        continue;
                    }
                    let Some(q) = self.downcast(p, &object) else {
                        continue;
                    };
                    if !self.can_collect(&q, sub, excluded) {
                        return false;
                    }
                }
            } else if self.satisfies(p.sg, p.supergraph_type(), condition)
                && !self.can_collect(p, sub, excluded)
            {
                return false;
            }
        }
        true
    }
}

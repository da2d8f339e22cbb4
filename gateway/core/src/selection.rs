//! The gateway's own selection tree: operations, keys, `@requires` and `@provides` field sets
//! all become this shape, with named fragments inlined and `@skip`/`@include` already applied,
//! so the planner and the response shaper walk one simple structure.

use apollo_compiler::ast::{Argument, Type, Value};
use apollo_compiler::executable;
use apollo_compiler::{Name, Node};
use std::fmt::Write as _;

/// A list of selections on one parent type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SelectionSet {
    pub items: Vec<Selection>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Selection {
    Field(Field),
    InlineFragment(InlineFragment),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    pub alias: Option<Name>,
    pub name: Name,
    pub arguments: Vec<Node<Argument>>,
    /// The field's type in the schema it was read against (the API schema for operations).
    pub ty: Type,
    /// Present when the field's type is an object, interface or union.
    pub selection_set: Option<SelectionSet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct InlineFragment {
    pub type_condition: Option<Name>,
    pub selection_set: SelectionSet,
    /// Present when the fragment carries `@defer` (not switched off by `if:`): its fields are
    /// delivered after the rest of the response.
    pub defer: Option<Defer>,
}

/// A fragment's `@defer(label:)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Defer {
    pub label: Option<String>,
}

impl Field {
    /// The key under which the field's value appears in a response.
    pub fn response_key(&self) -> &Name {
        self.alias.as_ref().unwrap_or(&self.name)
    }

    /// Two fields with the same name and arguments fetch the same value.
    pub fn same_source(&self, other: &Field) -> bool {
        self.name == other.name && self.arguments == other.arguments
    }
}

/// Decides whether a selection with `@skip`/`@include` is kept, given the request's variables.
pub trait Conditions {
    fn variable_is_true(&self, name: &str) -> bool;
}

impl Conditions for serde_json::Map<String, serde_json::Value> {
    fn variable_is_true(&self, name: &str) -> bool {
        matches!(self.get(name), Some(serde_json::Value::Bool(true)))
    }
}

/// No variables at all: used for field sets, which carry no directives.
pub struct NoVariables;

impl Conditions for NoVariables {
    fn variable_is_true(&self, _name: &str) -> bool {
        false
    }
}

/// Whether `@skip`/`@include` on an element keep it.
pub fn is_included(directives: &executable::DirectiveList, variables: &dyn Conditions) -> bool {
    let value_of = |directive: &str| -> Option<bool> {
        let directive = directives.get(directive)?;
        match directive
            .specified_argument_by_name("if")
            .map(|v| v.as_ref())
        {
            Some(Value::Boolean(b)) => Some(*b),
            Some(Value::Variable(name)) => Some(variables.variable_is_true(name)),
            _ => None,
        }
    };
    value_of("skip") != Some(true) && value_of("include") != Some(false)
}

/// The fragment's `@defer`, unless `if:` switches it off.
fn deferred(directives: &executable::DirectiveList, variables: &dyn Conditions) -> Option<Defer> {
    let directive = directives.get("defer")?;
    let on = match directive
        .specified_argument_by_name("if")
        .map(|v| v.as_ref())
    {
        Some(Value::Boolean(b)) => *b,
        Some(Value::Variable(name)) => variables.variable_is_true(name),
        _ => true,
    };
    on.then(|| Defer {
        label: directive
            .specified_argument_by_name("label")
            .and_then(|v| v.as_str())
            .map(str::to_string),
    })
}

/// The variables `@skip`/`@include` (and `@defer(if:)`) read in a document: their values
/// decide the plan.
pub fn condition_variables(document: &executable::ExecutableDocument) -> Vec<Name> {
    fn walk(set: &executable::SelectionSet, out: &mut Vec<Name>) {
        for selection in &set.selections {
            let (directives, inner) = match selection {
                executable::Selection::Field(f) => (&f.directives, Some(&f.selection_set)),
                executable::Selection::FragmentSpread(s) => (&s.directives, None),
                executable::Selection::InlineFragment(i) => (&i.directives, Some(&i.selection_set)),
            };
            for directive in directives
                .iter()
                .filter(|d| d.name == "skip" || d.name == "include" || d.name == "defer")
            {
                if let Some(Value::Variable(name)) = directive
                    .specified_argument_by_name("if")
                    .map(|v| v.as_ref())
                    && !out.contains(name)
                {
                    out.push(name.clone());
                }
            }
            if let Some(inner) = inner {
                walk(inner, out);
            }
        }
    }
    let mut out = Vec::new();
    for operation in document.operations.iter() {
        walk(&operation.selection_set, &mut out);
    }
    for fragment in document.fragments.values() {
        walk(&fragment.selection_set, &mut out);
    }
    out
}

impl SelectionSet {
    /// Converts a compiler selection set: fragment spreads become inline fragments, excluded
    /// selections are dropped. Fragment definitions are looked up in `fragments`.
    pub fn from_executable(
        set: &executable::SelectionSet,
        fragments: &executable::FragmentMap,
        variables: &dyn Conditions,
    ) -> Self {
        let mut items = Vec::with_capacity(set.selections.len());
        for selection in &set.selections {
            match selection {
                executable::Selection::Field(field) => {
                    if !is_included(&field.directives, variables) {
                        continue;
                    }
                    let selection_set = (!field.selection_set.selections.is_empty())
                        .then(|| Self::from_executable(&field.selection_set, fragments, variables));
                    items.push(Selection::Field(Field {
                        alias: field.alias.clone(),
                        name: field.name.clone(),
                        arguments: field.arguments.clone(),
                        ty: field.definition.ty.clone(),
                        selection_set,
                    }));
                }
                executable::Selection::InlineFragment(inline) => {
                    if !is_included(&inline.directives, variables) {
                        continue;
                    }
                    items.push(Selection::InlineFragment(InlineFragment {
                        type_condition: inline.type_condition.clone(),
                        selection_set: Self::from_executable(
                            &inline.selection_set,
                            fragments,
                            variables,
                        ),
                        defer: deferred(&inline.directives, variables),
                    }));
                }
                executable::Selection::FragmentSpread(spread) => {
                    if !is_included(&spread.directives, variables) {
                        continue;
                    }
                    if let Some(fragment) = fragments.get(&spread.fragment_name) {
                        items.push(Selection::InlineFragment(InlineFragment {
                            type_condition: Some(fragment.selection_set.ty.clone()),
                            selection_set: Self::from_executable(
                                &fragment.selection_set,
                                fragments,
                                variables,
                            ),
                            defer: deferred(&spread.directives, variables),
                        }));
                    }
                }
            }
        }
        Self { items }
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Every field of the set, descending into inline fragments (not into sub-selections).
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        let mut stack: Vec<std::slice::Iter<'_, Selection>> = vec![self.items.iter()];
        std::iter::from_fn(move || {
            while let Some(top) = stack.last_mut() {
                match top.next() {
                    Some(Selection::Field(f)) => return Some(f),
                    Some(Selection::InlineFragment(i)) => stack.push(i.selection_set.items.iter()),
                    None => {
                        stack.pop();
                    }
                }
            }
            None
        })
    }

    /// Prints the selection set in GraphQL syntax, `{ ... }` included.
    pub fn to_graphql(&self) -> String {
        let mut out = String::new();
        self.write_graphql(&mut out);
        out
    }

    /// True when printing would leave nothing but empty braces: no field at any depth of the
    /// set's inline fragments (all of them were pruned by `@skip`/`@include` or planning).
    pub fn is_vacuous(&self) -> bool {
        self.items.iter().all(|item| match item {
            Selection::Field(_) => false,
            Selection::InlineFragment(inline) => inline.selection_set.is_vacuous(),
        })
    }

    /// Prints `{ ... }`. A vacuous set prints `{__typename}`, as GraphQL forbids an empty
    /// selection set: a subgraph would reject `accounts {}` left behind when every field below
    /// was skipped, and the client still gets its (empty) objects.
    pub fn write_graphql(&self, out: &mut String) {
        out.push('{');
        if self.is_vacuous() {
            out.push_str("__typename}");
            return;
        }
        let mut first = true;
        for item in &self.items {
            if let Selection::InlineFragment(inline) = item
                && inline.selection_set.is_vacuous()
            {
                continue;
            }
            if !first {
                out.push(' ');
            }
            first = false;
            match item {
                Selection::Field(field) => field.write_graphql(out),
                Selection::InlineFragment(inline) => {
                    out.push_str("...");
                    if let Some(condition) = &inline.type_condition {
                        let _ = write!(out, " on {condition}");
                    }
                    out.push(' ');
                    inline.selection_set.write_graphql(out);
                }
            }
        }
        out.push('}');
    }
}

impl Field {
    pub fn write_graphql(&self, out: &mut String) {
        if let Some(alias) = &self.alias {
            let _ = write!(out, "{alias}: ");
        }
        out.push_str(&self.name);
        if !self.arguments.is_empty() {
            out.push('(');
            for (i, argument) in self.arguments.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                let _ = write!(out, "{}: {}", argument.name, argument.value);
            }
            out.push(')');
        }
        if let Some(set) = &self.selection_set {
            out.push(' ');
            set.write_graphql(out);
        }
    }
}

/// Every variable an argument value mentions, in order of appearance.
pub fn collect_variables(value: &Value, out: &mut Vec<Name>) {
    match value {
        Value::Variable(name) if !out.contains(name) => {
            out.push(name.clone());
        }
        Value::List(items) => items.iter().for_each(|v| collect_variables(v, out)),
        Value::Object(fields) => fields.iter().for_each(|(_, v)| collect_variables(v, out)),
        _ => {}
    }
}

/// Merging, used while the planner builds subgraph selections piece by piece.
impl SelectionSet {
    /// Adds `field`, merging it into an existing field with the same response key.
    pub fn merge_field(&mut self, field: Field) {
        for item in &mut self.items {
            if let Selection::Field(existing) = item
                && existing.response_key() == field.response_key()
                && existing.same_source(&field)
            {
                if let Some(incoming) = field.selection_set {
                    existing
                        .selection_set
                        .get_or_insert_with(SelectionSet::default)
                        .merge(incoming);
                }
                return;
            }
        }
        self.items.push(Selection::Field(field));
    }

    /// Adds an inline fragment, merging it into one with the same type condition.
    pub fn merge_fragment(&mut self, type_condition: Option<Name>, set: SelectionSet) {
        for item in &mut self.items {
            if let Selection::InlineFragment(existing) = item
                && existing.type_condition == type_condition
            {
                existing.selection_set.merge(set);
                return;
            }
        }
        self.items.push(Selection::InlineFragment(InlineFragment {
            type_condition,
            selection_set: set,
            defer: None,
        }));
    }

    pub fn merge(&mut self, other: SelectionSet) {
        for item in other.items {
            match item {
                Selection::Field(field) => self.merge_field(field),
                Selection::InlineFragment(inline) => {
                    self.merge_fragment(inline.type_condition, inline.selection_set)
                }
            }
        }
    }

    /// Whether a field with this response key exists at the top level (fragments included)
    /// that fetches something other than `field`.
    pub fn conflicts_with(&self, field: &Field) -> bool {
        self.fields()
            .any(|f| f.response_key() == field.response_key() && !f.same_source(field))
    }

    /// The selection without its deferred fragments, at every depth: what the first part of
    /// an incremental response holds.
    pub fn without_deferred(&self) -> SelectionSet {
        let items = self
            .items
            .iter()
            .filter_map(|item| match item {
                Selection::Field(field) => Some(Selection::Field(Field {
                    selection_set: field.selection_set.as_ref().map(Self::without_deferred),
                    ..field.clone()
                })),
                Selection::InlineFragment(inline) if inline.defer.is_some() => None,
                Selection::InlineFragment(inline) => {
                    Some(Selection::InlineFragment(InlineFragment {
                        type_condition: inline.type_condition.clone(),
                        selection_set: inline.selection_set.without_deferred(),
                        defer: None,
                    }))
                }
            })
            .collect();
        SelectionSet { items }
    }

    /// Whether any fragment of the selection is deferred.
    pub fn has_deferred(&self) -> bool {
        self.items.iter().any(|item| match item {
            Selection::Field(field) => field.selection_set.as_ref().is_some_and(Self::has_deferred),
            Selection::InlineFragment(inline) => {
                inline.defer.is_some() || inline.selection_set.has_deferred()
            }
        })
    }

    /// Whether the set selects `__typename` at its top level.
    pub fn has_typename(&self) -> bool {
        self.items.iter().any(
            |i| matches!(i, Selection::Field(f) if f.name == "__typename" && f.alias.is_none()),
        )
    }
}

/// A `__typename` field, as the planner adds it to subgraph selections.
pub fn typename_field() -> Field {
    Field {
        alias: None,
        name: apollo_compiler::name!("__typename"),
        arguments: Vec::new(),
        ty: Type::NonNullNamed(apollo_compiler::name!("String")),
        selection_set: None,
    }
}

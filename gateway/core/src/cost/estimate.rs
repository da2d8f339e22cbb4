//! The static estimate: walks an operation with its fragments and builds its cost
//! [`Formula`], following the IBM cost specification as Apollo Router applies it.
//!
//! - a field costs its `@cost` weight, else its type's `@cost`, else 1 for an object,
//!   interface or union and 0 for a scalar or an enum; its selections add to it;
//! - a list multiplies that by its size: the largest slicing argument given (`@listSize`),
//!   else `assumedSize`, else the configured list size; a parent's `sizedFields` give the
//!   slicing size to the named children instead;
//! - an argument given adds its `@cost`, and the input fields given in a literal theirs;
//! - a mutation adds 10, as in Apollo Router; introspection fields cost nothing (the gateway
//!   answers them itself).
//!
//! Selections are summed, inline fragments on different types too: an upper bound, as Apollo's.

use super::directives::{CostDirectives, ListSize, size_of_literal};
use super::formula::{Formula, SliceSize, SlicingProblem, Source};
use super::weights::{arguments_cost, type_cost};
use crate::selection::{Conditions, is_included};
use apollo_compiler::ast::{OperationType, Value};
use apollo_compiler::executable::{ExecutableDocument, Field, Operation, Selection, SelectionSet};
use apollo_compiler::{Name, Node, Schema};

/// What a mutation costs before its fields (Apollo Router's operation cost).
pub const MUTATION_COST: f64 = 10.0;

/// An operation's cost formula, and a slicing-argument problem no variable can change.
#[derive(Debug, Clone, PartialEq)]
pub struct Estimate {
    pub formula: Formula,
    pub problem: Option<SlicingProblem>,
}

impl Estimate {
    /// The estimated cost for these variables, and the first slicing-argument problem.
    pub fn evaluate(
        &self,
        variables: &serde_json::Map<String, serde_json::Value>,
    ) -> (f64, Option<SlicingProblem>) {
        let (cost, problem) = self.formula.evaluate(variables);
        (cost, self.problem.clone().or(problem))
    }
}

/// Builds the cost formula of `operation`; `conditions` decide `@skip`/`@include`.
pub fn estimate(
    schema: &Schema,
    directives: &CostDirectives,
    default_list_size: u64,
    document: &ExecutableDocument,
    operation: &Operation,
    conditions: &dyn Conditions,
) -> Estimate {
    let mut walk = Walk {
        schema,
        directives,
        document,
        conditions,
        default_list_size: default_list_size as f64,
        problem: None,
    };
    let mut formula = walk.selection_set(&operation.selection_set, None);
    if operation.operation_type == OperationType::Mutation {
        formula.add(Formula::constant(MUTATION_COST));
    }
    Estimate {
        formula,
        problem: walk.problem,
    }
}

struct Walk<'a> {
    schema: &'a Schema,
    directives: &'a CostDirectives,
    document: &'a ExecutableDocument,
    conditions: &'a dyn Conditions,
    default_list_size: f64,
    problem: Option<SlicingProblem>,
}

impl Walk<'_> {
    /// `sized`: the parent's `@listSize` and the field it was on, when the parent names
    /// children in `sizedFields`.
    fn selection_set(
        &mut self,
        set: &SelectionSet,
        sized: Option<(&ListSize, &Field, &Name)>,
    ) -> Formula {
        let mut total = Formula::default();
        for selection in &set.selections {
            match selection {
                Selection::Field(field) => {
                    if is_included(&field.directives, self.conditions) {
                        let cost = self.field(&set.ty, field, sized);
                        total.add(cost);
                    }
                }
                Selection::InlineFragment(inline) => {
                    if is_included(&inline.directives, self.conditions) {
                        let cost = self.selection_set(&inline.selection_set, sized);
                        total.add(cost);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    if !is_included(&spread.directives, self.conditions) {
                        continue;
                    }
                    // Validation refused unknown fragments and cycles; the limits bounded the
                    // expansion before validation.
                    if let Some(fragment) = self.document.fragments.get(&spread.fragment_name) {
                        let cost = self.selection_set(&fragment.selection_set, sized);
                        total.add(cost);
                    }
                }
            }
        }
        total
    }

    fn field(
        &mut self,
        parent: &Name,
        field: &Node<Field>,
        sized: Option<(&ListSize, &Field, &Name)>,
    ) -> Formula {
        if field.name.starts_with("__") {
            return Formula::default();
        }
        let list_size = self.directives.list_size(parent, &field.name);
        let own = type_cost(self.schema, self.directives, parent, field);
        let mut element = Formula::constant(own);
        let children_sized = list_size
            .filter(|size| !size.sized_fields.is_empty())
            .map(|size| (size, field.as_ref(), parent));
        element.add(self.selection_set(&field.selection_set, children_sized));
        // Whether this field's own slicing arguments were read (and so checked).
        let mut sliced = false;
        let mut cost = if field.ty().is_list() {
            let size = match sized {
                Some((size, sized_field, sized_parent))
                    if size.sized_fields.iter().any(|f| f == field.name.as_str()) =>
                {
                    self.slice_size(size, sized_parent, sized_field)
                }
                _ => match list_size {
                    Some(size) => {
                        sliced = true;
                        self.slice_size(size, parent, field)
                    }
                    None => self.fixed(self.default_list_size),
                },
            };
            Formula::scaled(element, size, &mut self.problem)
        } else {
            element
        };
        // `requireOneSlicingArgument` holds wherever the field is selected, even when no
        // sized child is: a term of weight 0 checks it (now, or per request for variables).
        if let Some(size) = list_size.filter(|s| s.require_one_slicing_argument && !sliced) {
            let size = self.slice_size(size, parent, field);
            cost.add(Formula::scaled(Formula::default(), size, &mut self.problem));
        }
        cost.add(Formula::constant(arguments_cost(
            self.schema,
            self.directives,
            parent,
            field,
        )));
        cost
    }

    fn fixed(&self, size: f64) -> SliceSize {
        SliceSize {
            coordinate: String::new(),
            sources: Vec::new(),
            fallback: size,
            require_one: false,
        }
    }

    /// The size `@listSize` on `field` (of `parent`) gives.
    fn slice_size(&self, size: &ListSize, parent: &Name, field: &Field) -> SliceSize {
        let fallback = size
            .assumed_size
            .map(|n| n as f64)
            .unwrap_or(self.default_list_size);
        if size.slicing_arguments.is_empty() {
            return self.fixed(fallback);
        }
        let sources = size
            .slicing_arguments
            .iter()
            .map(|name| {
                let default = field
                    .definition
                    .arguments
                    .iter()
                    .find(|a| a.name == name.as_str())
                    .and_then(|a| a.default_value.as_deref())
                    .and_then(size_of_literal);
                let given = field.arguments.iter().find(|a| a.name == name.as_str());
                match given.map(|a| a.value.as_ref()) {
                    Some(Value::Variable(variable)) => Source::Variable(variable.clone(), default),
                    Some(Value::Null) => Source::Known(default),
                    Some(value) => Source::Known(size_of_literal(value)),
                    None => Source::Known(default),
                }
            })
            .collect();
        SliceSize {
            coordinate: format!("{parent}.{}", field.name),
            sources,
            fallback,
            require_one: size.require_one_slicing_argument,
        }
    }
}

//! The actual cost: the estimate's weights applied to the response, with the lists' real
//! lengths. A field absent from the response (a fragment on another type, or cut by an error
//! above it) and a null costs nothing.

use super::directives::CostDirectives;
use super::estimate::MUTATION_COST;
use super::weights::{arguments_cost, type_cost};
use crate::selection::{Conditions, is_included};
use apollo_compiler::ast::OperationType;
use apollo_compiler::executable::{ExecutableDocument, Field, Operation, Selection, SelectionSet};
use apollo_compiler::{Name, Schema};
use serde_json::{Map, Value};
use std::collections::HashSet;

/// The cost of `data`, the response to `operation`.
pub fn actual(
    schema: &Schema,
    directives: &CostDirectives,
    document: &ExecutableDocument,
    operation: &Operation,
    conditions: &dyn Conditions,
    data: &Value,
) -> f64 {
    let walk = Walk {
        schema,
        directives,
        document,
        conditions,
    };
    let base = if operation.operation_type == OperationType::Mutation {
        MUTATION_COST
    } else {
        0.0
    };
    match data {
        Value::Object(object) => base + walk.object(&operation.selection_set, object),
        _ => base,
    }
}

struct Walk<'a> {
    schema: &'a Schema,
    directives: &'a CostDirectives,
    document: &'a ExecutableDocument,
    conditions: &'a dyn Conditions,
}

impl Walk<'_> {
    /// One object of the response: each response key counted once, whichever fragment
    /// selected it.
    fn object(&self, set: &SelectionSet, object: &Map<String, Value>) -> f64 {
        let mut seen = HashSet::new();
        self.selections(set, object, &mut seen)
    }

    fn selections(
        &self,
        set: &SelectionSet,
        object: &Map<String, Value>,
        seen: &mut HashSet<Name>,
    ) -> f64 {
        let mut total = 0.0;
        for selection in &set.selections {
            match selection {
                Selection::Field(field) => {
                    if !is_included(&field.directives, self.conditions)
                        || field.name.starts_with("__")
                        || !seen.insert(field.response_key().clone())
                    {
                        continue;
                    }
                    if let Some(value) = object.get(field.response_key().as_str()) {
                        total += self.field(&set.ty, field, value);
                    }
                }
                Selection::InlineFragment(inline) => {
                    if is_included(&inline.directives, self.conditions) {
                        total += self.selections(&inline.selection_set, object, seen);
                    }
                }
                Selection::FragmentSpread(spread) => {
                    if !is_included(&spread.directives, self.conditions) {
                        continue;
                    }
                    if let Some(fragment) = self.document.fragments.get(&spread.fragment_name) {
                        total += self.selections(&fragment.selection_set, object, seen);
                    }
                }
            }
        }
        total
    }

    fn field(&self, parent: &Name, field: &Field, value: &Value) -> f64 {
        arguments_cost(self.schema, self.directives, parent, field)
            + self.value(parent, field, value)
    }

    /// A value of the field: each element of a list, each object with its selections.
    fn value(&self, parent: &Name, field: &Field, value: &Value) -> f64 {
        match value {
            Value::Null => 0.0,
            Value::Array(items) => items
                .iter()
                .map(|item| self.value(parent, field, item))
                .sum(),
            Value::Object(object) => {
                type_cost(self.schema, self.directives, parent, field)
                    + self.object(&field.selection_set, object)
            }
            _ => type_cost(self.schema, self.directives, parent, field),
        }
    }
}

//! The switch that turns introspection off: a document that asks for `__schema` or `__type`
//! anywhere is refused before validation. `__typename` stays allowed: clients need it.

use crate::error::{ErrorCode, GraphqlError};
use apollo_compiler::ast::{Definition, Document, Selection};

/// Refuses a document that introspects the schema.
#[expect(
    clippy::result_large_err,
    reason = "the error is the GraphQL error the client receives, built once per refused document"
)]
pub fn refuse_introspection(document: &Document) -> Result<(), GraphqlError> {
    let introspects = document
        .definitions
        .iter()
        .any(|definition| match definition {
            Definition::OperationDefinition(operation) => {
                any_introspection(&operation.selection_set)
            }
            Definition::FragmentDefinition(fragment) => any_introspection(&fragment.selection_set),
            _ => false,
        });
    if introspects {
        return Err(GraphqlError::new(
            "introspection is disabled on this gateway: `__schema` and `__type` cannot be queried",
            ErrorCode::IntrospectionDisabled,
        ));
    }
    Ok(())
}

fn any_introspection(selections: &[Selection]) -> bool {
    selections.iter().any(|selection| match selection {
        Selection::Field(field) => {
            field.name == "__schema"
                || field.name == "__type"
                || any_introspection(&field.selection_set)
        }
        Selection::InlineFragment(inline) => any_introspection(&inline.selection_set),
        Selection::FragmentSpread(_) => false,
    })
}

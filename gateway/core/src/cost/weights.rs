//! The weights the estimate and the actual cost share: a field's own cost and its arguments'.

use super::directives::CostDirectives;
use apollo_compiler::ast::Value;
use apollo_compiler::executable::Field;
use apollo_compiler::schema::ExtendedType;
use apollo_compiler::{Name, Schema};

/// The field's `@cost`, else its type's, else 1 for objects, interfaces and unions and 0 for
/// scalars and enums.
pub(crate) fn type_cost(
    schema: &Schema,
    directives: &CostDirectives,
    parent: &Name,
    field: &Field,
) -> f64 {
    let output = &field.selection_set.ty;
    if let Some(weight) = directives.field_weight(parent, &field.name) {
        return weight;
    }
    if let Some(weight) = directives.type_weight(output) {
        return weight;
    }
    match schema.types.get(output) {
        Some(ty) if ty.is_leaf() => 0.0,
        Some(_) => 1.0,
        None => 0.0,
    }
}

/// The `@cost` of the arguments given, and of the input fields given in literals. A variable
/// counts as given; the input fields of a variable's value are not walked.
pub(crate) fn arguments_cost(
    schema: &Schema,
    directives: &CostDirectives,
    parent: &Name,
    field: &Field,
) -> f64 {
    let mut total = 0.0;
    for argument in &field.arguments {
        if matches!(argument.value.as_ref(), Value::Null) {
            continue;
        }
        if let Some(weight) = directives.argument_weight(parent, &field.name, &argument.name) {
            total += weight;
        }
        let definition = field
            .definition
            .arguments
            .iter()
            .find(|a| a.name == argument.name);
        if let Some(definition) = definition {
            let input = definition.ty.inner_named_type();
            total += input_cost(schema, directives, input, &argument.value);
        }
    }
    total
}

/// The `@cost` of the input fields a literal gives, through nested objects and lists.
fn input_cost(
    schema: &Schema,
    directives: &CostDirectives,
    type_name: &Name,
    value: &Value,
) -> f64 {
    match value {
        Value::List(items) => items
            .iter()
            .map(|item| input_cost(schema, directives, type_name, item))
            .sum(),
        Value::Object(fields) => {
            let Some(ExtendedType::InputObject(input)) = schema.types.get(type_name) else {
                return 0.0;
            };
            fields
                .iter()
                .filter(|(_, value)| !matches!(value.as_ref(), Value::Null))
                .map(|(name, value)| {
                    let weight = directives
                        .input_field_weight(type_name, name)
                        .unwrap_or(0.0);
                    let nested = input
                        .fields
                        .get(name)
                        .map(|f| input_cost(schema, directives, f.ty.inner_named_type(), value))
                        .unwrap_or(0.0);
                    weight + nested
                })
                .sum()
        }
        _ => 0.0,
    }
}

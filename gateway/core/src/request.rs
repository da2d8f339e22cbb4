//! The request stage: validate a parsed document against the API schema, pick the operation,
//! coerce the variables.

use crate::error::{ErrorCode, GraphqlError, Location};
use crate::selection::condition_variables;
use apollo_compiler::ast;
use apollo_compiler::executable::{ExecutableDocument, Operation};
use apollo_compiler::validation::{DiagnosticList, Valid};
use apollo_compiler::{Name, Node, Schema};
use serde_json::{Map, Value};

/// A document that parsed and validated, with what planning needs to know about it.
#[derive(Debug)]
pub struct PreparedDocument {
    pub document: Valid<ExecutableDocument>,
    /// Variables that `@skip`/`@include` read: their values select the plan.
    pub condition_variables: Vec<Name>,
}

/// Validates a parsed document (see [`crate::limits::parse`]); errors carry the right code and
/// their locations.
pub fn validate(
    api_schema: &Valid<Schema>,
    ast: ast::Document,
) -> Result<PreparedDocument, Vec<GraphqlError>> {
    let document = ast
        .to_executable_validate(api_schema)
        .map_err(|e| diagnostics(&e.errors, ErrorCode::GraphqlValidationFailed))?;
    let condition_variables = condition_variables(&document);
    Ok(PreparedDocument {
        document,
        condition_variables,
    })
}

/// The most parse or validation errors answered for one document (graphql-js stops at the
/// same number). A document within every operation limit can still hold thousands of
/// mistakes; answering each would make the response, and the document cache that keeps
/// refusals, grow with whatever a caller sends.
pub(crate) const MAX_REPORTED_ERRORS: usize = 100;

pub(crate) fn diagnostics(list: &DiagnosticList, code: ErrorCode) -> Vec<GraphqlError> {
    let mut errors: Vec<GraphqlError> = list
        .iter()
        .take(MAX_REPORTED_ERRORS)
        .map(|diagnostic| {
            let json = diagnostic.to_json();
            let location = json.locations.first().map(|lc| Location {
                line: lc.line,
                column: lc.column,
            });
            GraphqlError::new(json.message, code).with_location(location)
        })
        .collect();
    let unreported = list.len().saturating_sub(MAX_REPORTED_ERRORS);
    if unreported > 0 {
        errors.push(GraphqlError::new(
            format!("{unreported} more errors in the document are not reported: fix the ones above first"),
            code,
        ));
    }
    errors
}

/// Picks the operation `operation_name` names, or the only one.
pub fn select_operation<'a>(
    document: &'a ExecutableDocument,
    operation_name: Option<&str>,
) -> Result<&'a Node<Operation>, GraphqlError> {
    document.operations.get(operation_name).map_err(|_| match operation_name {
        Some(name) => GraphqlError::new(
            format!("unknown operation named \"{name}\": the document defines no operation of that name"),
            ErrorCode::GraphqlUnknownOperationName,
        ),
        None => GraphqlError::new(
            "the document defines several operations: say which one to run with `operationName`",
            ErrorCode::GraphqlUnknownOperationName,
        ),
    })
}

/// Coerces the request's variables to the operation's declared types, defaults applied.
pub fn coerce_variables(
    api_schema: &Valid<Schema>,
    operation: &Operation,
    variables: &Map<String, Value>,
) -> Result<Map<String, Value>, GraphqlError> {
    let raw: apollo_compiler::response::JsonMap =
        serde_json::from_value(Value::Object(variables.clone())).map_err(|e| {
            GraphqlError::new(
                format!("variables are not a JSON object: {e}"),
                ErrorCode::BadUserInput,
            )
        })?;
    let coerced = apollo_compiler::request::coerce_variable_values(api_schema, operation, &raw)
        .map_err(|e| GraphqlError::new(e.message().to_string(), ErrorCode::BadUserInput))?;
    match serde_json::to_value(coerced.into_inner()) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(GraphqlError::new(
            "coerced variables are not an object",
            ErrorCode::InternalServerError,
        )),
    }
}

//! Introspection (`__schema`, `__type`) answered by the gateway from the API schema, merged into
//! the response data before shaping; no subgraph is called for it.

use super::Gateway;
use crate::data::Data;
use crate::error::{ErrorCode, GraphqlError};
use crate::request::PreparedDocument;
use serde_json::{Map, Value};

impl Gateway {
    pub(super) fn introspect(
        &self,
        prepared: &PreparedDocument,
        operation: &apollo_compiler::executable::Operation,
        variables: &Map<String, Value>,
        data: &mut Data,
        errors: &mut Vec<GraphqlError>,
    ) {
        use apollo_compiler::introspection;
        let schema = &self.supergraph.api_schema;
        let result = introspection::check_max_depth(&prepared.document, operation).and_then(|()| {
            let raw: apollo_compiler::response::JsonMap =
                serde_json::from_value(Value::Object(variables.clone())).unwrap_or_default();
            let coerced =
                apollo_compiler::request::coerce_variable_values(schema, operation, &raw)?;
            introspection::partial_execute(
                schema,
                &self.supergraph.api_implementers,
                &prepared.document,
                operation,
                &coerced,
            )
        });
        match result {
            Ok(response) => {
                if let Some(Ok(value)) = response.data.map(serde_json::to_value) {
                    crate::execute::deep_merge(data, Data::from(value));
                }
                for error in response.errors {
                    errors.push(GraphqlError::new(
                        error.message,
                        ErrorCode::GraphqlValidationFailed,
                    ));
                }
            }
            Err(error) => errors.push(GraphqlError::new(
                error.message().to_string(),
                ErrorCode::GraphqlValidationFailed,
            )),
        }
    }
}

//! The demand control stage, between variables and planning: the estimate of an operation
//! (its formula cached like its plan), judged against the settings, and after execution the
//! actual cost, both reported in `extensions.cost`.

use super::weights::{self, Weighed};
use super::{Gateway, hash_of};
use crate::cost::{self, CostError, CostMode, Estimate, Judged};
use crate::request::PreparedDocument;
use apollo_compiler::executable::Operation;
use serde_json::{Map, Value};
use std::sync::Arc;

impl Gateway {
    /// The estimated cost of `operation` for these variables: `Ok(None)` when demand control
    /// is off, `Err` when `enforce` refuses the operation (nothing is planned or sent).
    pub(super) fn judge_cost(
        &self,
        query: &str,
        prepared: &PreparedDocument,
        operation: &Operation,
        variables: &Map<String, Value>,
    ) -> Result<Option<Judged>, CostError> {
        let settings = &self.settings.demand_control;
        if settings.mode == CostMode::Off {
            return Ok(None);
        }
        let estimate = self.estimate(query, prepared, operation, variables);
        let (estimated, problem) = estimate.evaluate(variables);
        cost::judge(settings, estimated, problem).map(Some)
    }

    /// The operation's cost formula, built once for each (document, operation, `@skip` and
    /// `@include` conditions), as its plan is.
    fn estimate(
        &self,
        query: &str,
        prepared: &PreparedDocument,
        operation: &Operation,
        variables: &Map<String, Value>,
    ) -> Arc<Estimate> {
        let conditions: Vec<bool> = prepared
            .condition_variables
            .iter()
            .map(|name| matches!(variables.get(name.as_str()), Some(Value::Bool(true))))
            .collect();
        let key = hash_of(&(query, operation.name.as_deref(), conditions));
        self.costs
            .get_with(key, || {
                let estimate = cost::estimate(
                    &self.supergraph.api_schema,
                    &self.cost_directives,
                    self.settings.demand_control.list_size,
                    &prepared.document,
                    operation,
                    variables,
                );
                let bytes = weights::estimate_bytes(&estimate);
                Weighed::new(estimate, bytes)
            })
            .value
    }

    /// `extensions.cost` for a response whose data is `data`.
    pub(super) fn cost_report(
        &self,
        judged: &Judged,
        prepared: &PreparedDocument,
        operation: &Operation,
        variables: &Map<String, Value>,
        data: &serde_json::value::RawValue,
    ) -> Value {
        let actual = serde_json::from_str::<Value>(data.get()).ok().map(|data| {
            cost::actual(
                &self.supergraph.api_schema,
                &self.cost_directives,
                &prepared.document,
                operation,
                variables,
                &data,
            )
        });
        cost::report(judged, actual)
    }
}

//! Demand control: the cost of an operation, from the IBM cost specification's `@cost` and
//! `@listSize` as the supergraph carries them.
//!
//! 1. [`CostDirectives::read`] reads the weights and list sizes once per supergraph;
//! 2. [`estimate`] builds an operation's cost [`Formula`] once per cached operation, folding
//!    everything no variable decides into a constant;
//! 3. [`Estimate::evaluate`] gives the estimated cost for a request's variables; in `enforce`
//!    mode an estimate over `max_cost` is refused before planning ([`CostError`]);
//! 4. [`actual`] applies the same weights to the response, with the lists' real lengths.
//!
//! The gateway reports both in `extensions.cost` (see [`report`]).

mod actual;
mod directives;
mod estimate;
mod formula;
mod settings;
mod weights;

pub use actual::actual;
pub use directives::{CostDirectives, ListSize};
pub use estimate::{Estimate, MUTATION_COST, estimate};
pub use formula::{Formula, SlicingProblem};
pub use settings::{CostMode, DemandControlSettings};

use crate::error::{ErrorCode, GraphqlError};
use serde_json::{Map, Value, json};

/// The name of the strategy in `extensions.cost.strategy` (Apollo Router's).
pub const STRATEGY: &str = "static_estimated";

/// Why demand control refuses an operation (`enforce` mode only).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CostError {
    #[error(
        "the operation's estimated cost is {}, over the maximum `max_cost` of {max}: ask for fewer list elements (a smaller `first`/`limit`) or fewer nested lists",
        shown(.estimated)
    )]
    TooExpensive { estimated: f64, max: u64 },
    #[error("{0}: give exactly one, so that the list's size can be estimated")]
    Slicing(SlicingProblem),
}

impl CostError {
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::TooExpensive { .. } => ErrorCode::CostEstimatedTooExpensive,
            Self::Slicing(_) => ErrorCode::CostSlicingArgumentRequired,
        }
    }
}

impl From<CostError> for GraphqlError {
    fn from(error: CostError) -> Self {
        let code = error.code();
        let mut graphql = GraphqlError::new(error.to_string(), code);
        if let CostError::TooExpensive { estimated, max } = error {
            graphql.extensions.insert(
                "cost".into(),
                json!({ "estimated": number(estimated), "max": max }),
            );
        }
        graphql
    }
}

/// The estimate of one request, judged against the settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Judged {
    pub estimated: f64,
    /// `COST_OK`, or the code of what `enforce` would refuse.
    pub result: &'static str,
}

/// Judges an estimate: `Err` only in `enforce` mode.
pub fn judge(
    settings: &DemandControlSettings,
    estimated: f64,
    problem: Option<SlicingProblem>,
) -> Result<Judged, CostError> {
    let error = match problem {
        Some(problem) => Some(CostError::Slicing(problem)),
        None if estimated > settings.max_cost as f64 => Some(CostError::TooExpensive {
            estimated,
            max: settings.max_cost,
        }),
        None => None,
    };
    match error {
        Some(error) if settings.mode == CostMode::Enforce => Err(error),
        Some(error) => Ok(Judged {
            estimated,
            result: error.code().as_str(),
        }),
        None => Ok(Judged {
            estimated,
            result: "COST_OK",
        }),
    }
}

/// `extensions.cost`: `{estimated, actual, result, strategy}`, as Apollo Router names them.
pub fn report(judged: &Judged, actual: Option<f64>) -> Value {
    let mut map = Map::new();
    map.insert("estimated".into(), number(judged.estimated));
    if let Some(actual) = actual {
        map.insert("actual".into(), number(actual));
    }
    map.insert("result".into(), Value::String(judged.result.into()));
    map.insert("strategy".into(), Value::String(STRATEGY.into()));
    Value::Object(map)
}

fn shown(cost: &f64) -> Value {
    number(*cost)
}

/// Whole costs as JSON integers (weights and sizes are integers), others as they are.
fn number(cost: f64) -> Value {
    if cost.fract() == 0.0 && (0.0..9.0e15).contains(&cost) {
        Value::from(cost as u64)
    } else {
        json!(cost)
    }
}

#[cfg(test)]
mod tests;

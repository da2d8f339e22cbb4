//! Runs plan nodes one at a time against one response tree, for answers delivered in parts
//! (`@defer`): the caller shapes and sends what it has between two nodes.

use super::{ExecutionSettings, State};
use crate::data::Data;
use crate::error::GraphqlError;
use crate::plan::PlanNode;
use serde_json::{Map, Value};
use std::sync::MutexGuard;

/// One execution whose nodes the caller runs in turn.
pub struct Stepwise<'a> {
    state: State<'a>,
}

impl<'a> Stepwise<'a> {
    pub fn new(variables: &'a Map<String, Value>, settings: &'a ExecutionSettings<'a>) -> Self {
        Self {
            state: State::new(settings, variables),
        }
    }

    /// Runs `node`, merging what it fetches into the response tree.
    pub async fn run(&self, node: &PlanNode) {
        self.state.run(node).await;
    }

    /// The response tree so far.
    pub fn data(&self) -> MutexGuard<'_, Data> {
        self.state.data.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The errors met since the last call.
    pub fn take_errors(&self) -> Vec<GraphqlError> {
        std::mem::take(&mut *self.state.errors.lock().unwrap_or_else(|e| e.into_inner()))
    }

    /// Whether some fetch failed as a whole so far.
    pub fn had_fetch_failure(&self) -> bool {
        *self.state.failed.lock().unwrap_or_else(|e| e.into_inner())
    }
}

//! Resilience of subgraph requests, as layers around [`SubgraphTransport`], outermost first:
//!
//! 1. [`breaker`]: a circuit breaker per subgraph fails requests at once while it is open;
//! 2. [`retry`]: queries that failed in a transient way are retried with jittered exponential
//!    backoff, within a budget of recent requests;
//! 3. [`limit`]: at most so many requests in flight per subgraph, a bounded wait for a slot;
//! 4. [`timeout`]: each attempt within the subgraph's own timeout or the global one.
//!
//! The planner and the executor know nothing of them; settings are in [`settings`].

pub mod breaker;
pub mod limit;
pub mod retry;
pub mod settings;
pub mod timeout;

pub use settings::{PolicyOverride, ResilienceSettings, SubgraphPolicy};

use crate::execute::SubgraphTransport;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Wraps `transport` in every resilience layer; `global_timeout` applies to subgraphs without
/// a `timeout_ms` of their own.
pub fn layered(
    transport: Arc<dyn SubgraphTransport>,
    settings: &ResilienceSettings,
    global_timeout: Duration,
) -> Arc<dyn SubgraphTransport> {
    let policies = Arc::new(Policies::new(settings.clone()));
    let timed = timeout::TimeoutLayer::new(transport, policies.clone(), global_timeout);
    let limited = limit::LimitLayer::new(Arc::new(timed), policies.clone());
    let retried = retry::RetryLayer::new(Arc::new(limited), policies.clone());
    Arc::new(breaker::BreakerLayer::new(Arc::new(retried), policies))
}

/// Each subgraph's policy, resolved once.
pub struct Policies {
    settings: ResilienceSettings,
    resolved: Mutex<HashMap<String, Arc<SubgraphPolicy>>>,
}

impl Policies {
    pub fn new(settings: ResilienceSettings) -> Self {
        Self {
            settings,
            resolved: Mutex::new(HashMap::new()),
        }
    }

    pub fn get(&self, subgraph: &str) -> Arc<SubgraphPolicy> {
        let mut resolved = self.resolved.lock().unwrap_or_else(|e| e.into_inner());
        resolved
            .entry(subgraph.to_string())
            .or_insert_with(|| Arc::new(self.settings.policy(subgraph)))
            .clone()
    }
}

/// State a layer keeps per subgraph, created on the subgraph's first request.
struct PerSubgraph<T> {
    states: Mutex<HashMap<String, Arc<T>>>,
}

impl<T> PerSubgraph<T> {
    fn new() -> Self {
        Self {
            states: Mutex::new(HashMap::new()),
        }
    }

    fn get(&self, subgraph: &str, make: impl FnOnce() -> T) -> Arc<T> {
        let mut states = self.states.lock().unwrap_or_else(|e| e.into_inner());
        states
            .entry(subgraph.to_string())
            .or_insert_with(|| Arc::new(make()))
            .clone()
    }
}

//! The resilience settings: one policy for every subgraph, and overrides by subgraph name that
//! replace only the keys they give.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::time::Duration;

/// Declares [`SubgraphPolicy`] (every key with its default) and [`PolicyOverride`] (the same
/// keys, each optional), so the two can never disagree.
macro_rules! policy {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty = $default:expr,)*) => {
        /// How the gateway treats one subgraph: timeout, concurrency, retries, circuit breaker.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct SubgraphPolicy {
            $($(#[doc = $doc])* pub $name: $ty,)*
        }

        impl Default for SubgraphPolicy {
            fn default() -> Self {
                Self { $($name: $default,)* }
            }
        }

        /// A subgraph's own values for some keys of [`SubgraphPolicy`].
        #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
        #[serde(default, deny_unknown_fields)]
        pub struct PolicyOverride {
            $(#[serde(skip_serializing_if = "Option::is_none")] pub $name: Option<$ty>,)*
        }

        impl SubgraphPolicy {
            fn overridden_by(mut self, over: &PolicyOverride) -> Self {
                $(if let Some(value) = &over.$name {
                    self.$name = value.clone();
                })*
                self
            }
        }
    };
}

policy! {
    /// Milliseconds one attempt may take; `None` uses the gateway's `--subgraph-timeout-ms`.
    timeout_ms: Option<u64> = None,
    /// Requests (and so HTTP/1.1 connections) in flight at once; `None` is unlimited.
    max_concurrent_requests: Option<usize> = None,
    /// How long a request beyond `max_concurrent_requests` waits for a slot before failing.
    max_wait_ms: u64 = 1_000,
    /// Retries of a failed query (connection failure, 502/503/504); mutations never.
    max_retries: u32 = 2,
    /// Whether a query that timed out is retried too (off: a slow subgraph would make the
    /// caller wait `max_retries + 1` timeouts and get more load while it is behind).
    retry_timeouts: bool = false,
    /// Backoff before the first retry; doubled for each further one, jittered (50–100 %).
    retry_backoff_ms: u64 = 50,
    /// Longest backoff between two attempts.
    retry_backoff_max_ms: u64 = 1_000,
    /// Retries allowed as a fraction of the requests of the last `window_ms`.
    retry_budget_ratio: f64 = 0.2,
    /// Retries allowed in any window whatever the ratio, so a quiet subgraph is retried too.
    retry_budget_min: u32 = 10,
    /// Whether failures open a circuit breaker that makes requests fail at once.
    breaker_enabled: bool = true,
    /// Error rate in the window (with at least `breaker_min_requests`) that opens the breaker.
    breaker_error_rate: f64 = 0.5,
    /// Requests the window must hold before `breaker_error_rate` is judged.
    breaker_min_requests: u32 = 20,
    /// Failures in a row that open the breaker whatever the rate.
    breaker_consecutive_failures: u32 = 10,
    /// How long an open breaker fails requests before letting one probe through.
    breaker_open_ms: u64 = 1_000,
    /// The sliding window of the retry budget and of the breaker's error rate.
    window_ms: u64 = 10_000,
}

/// Resilience of subgraph requests: `all` for every subgraph, `subgraphs.NAME` over it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ResilienceSettings {
    pub all: SubgraphPolicy,
    pub subgraphs: BTreeMap<String, PolicyOverride>,
}

impl ResilienceSettings {
    /// The policy of subgraph `name`.
    pub fn policy(&self, name: &str) -> SubgraphPolicy {
        match self.subgraphs.get(name) {
            Some(over) => self.all.clone().overridden_by(over),
            None => self.all.clone(),
        }
    }

    /// Applies `KEY=VALUE` (every subgraph) or `NAME.KEY=VALUE` (one subgraph), as the
    /// `--subgraph-policy` flag gives them; the error names the key it cannot use.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (path, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}` is not KEY=VALUE or SUBGRAPH.KEY=VALUE"))?;
        let value: serde_json::Value = serde_json::from_str(value)
            .unwrap_or_else(|_| serde_json::Value::String(value.to_string()));
        let mut object = serde_json::Map::new();
        let invalid = |e: serde_json::Error| format!("`{assignment}`: {e}");
        match path.split_once('.') {
            None => {
                let mut all = serde_json::to_value(&self.all).map_err(invalid)?;
                all[path] = value;
                object.insert("all".into(), all);
                let parsed: Self = serde_json::from_value(object.into()).map_err(invalid)?;
                self.all = parsed.all;
            }
            Some((subgraph, key)) => {
                let current = self.subgraphs.get(subgraph).cloned().unwrap_or_default();
                let mut over = serde_json::to_value(&current).map_err(invalid)?;
                over[key] = value;
                let over: PolicyOverride = serde_json::from_value(over).map_err(invalid)?;
                self.subgraphs.insert(subgraph.to_string(), over);
            }
        }
        Ok(())
    }
}

impl SubgraphPolicy {
    /// The time one attempt may take.
    pub fn timeout(&self, global: Duration) -> Duration {
        self.timeout_ms.map_or(global, Duration::from_millis)
    }

    /// The longest a request can take through every layer: waits, attempts and backoffs.
    pub fn deadline(&self, global: Duration) -> Duration {
        let attempts = self.max_retries + 1;
        // A timed-out attempt ends the request unless timeouts are retried; other failures
        // come back sooner than the timeout, so the bound below stays an upper bound.
        let wait = if self.max_concurrent_requests.is_some() {
            Duration::from_millis(self.max_wait_ms)
        } else {
            Duration::ZERO
        };
        (self.timeout(global) + wait) * attempts
            + Duration::from_millis(self.retry_backoff_max_ms) * self.max_retries
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_override_replaces_only_the_keys_it_gives() {
        let mut settings = ResilienceSettings::default();
        settings.set("max_retries=5").expect("valid");
        settings.set("youth.timeout_ms=250").expect("valid");
        settings.set("youth.breaker_enabled=false").expect("valid");
        let youth = settings.policy("youth");
        assert_eq!(
            youth,
            SubgraphPolicy {
                timeout_ms: Some(250),
                max_retries: 5,
                breaker_enabled: false,
                ..SubgraphPolicy::default()
            }
        );
        assert_eq!(settings.policy("hub").max_retries, 5);
        assert_eq!(settings.policy("hub").timeout_ms, None);
    }

    #[test]
    fn an_unknown_key_is_an_error_that_names_it() {
        let mut settings = ResilienceSettings::default();
        let error = settings.set("youth.retires=3").expect_err("unknown key");
        assert!(error.contains("retires"), "{error}");
        let error = settings.set("max_retries=many").expect_err("not a number");
        assert!(error.contains("max_retries=many"), "{error}");
    }
}

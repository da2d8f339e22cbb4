//! Retries of queries that failed in a transient way: the subgraph could not be reached,
//! answered 502, 503 or 504, or (only with `retry_timeouts`) timed out. Mutations are never retried. Backoff doubles from
//! `retry_backoff_ms` up to `retry_backoff_max_ms`, each wait drawn between half and all of it;
//! the budget lets retries be at most `retry_budget_ratio` of the subgraph's recent requests
//! (or `retry_budget_min` per window), so a struggling subgraph is not hammered.

use super::{PerSubgraph, Policies};
use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use crate::telemetry::metrics;
use bytes::Bytes;
use futures::future::BoxFuture;
use std::collections::VecDeque;
use std::hash::BuildHasher;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct RetryLayer {
    inner: Arc<dyn SubgraphTransport>,
    policies: Arc<Policies>,
    budgets: PerSubgraph<Mutex<Budget>>,
}

impl RetryLayer {
    pub fn new(inner: Arc<dyn SubgraphTransport>, policies: Arc<Policies>) -> Self {
        Self {
            inner,
            policies,
            budgets: PerSubgraph::new(),
        }
    }
}

/// Whether a failure may pass if tried again. A timeout is not retried by default: it means
/// the subgraph is slow, not gone, so a retry would multiply the caller's wait by the number
/// of attempts and add load to the subgraph that is already behind (fault b of
/// BENCHMARKS.md: p99 4.1 s with a 2 s timeout retried, one timeout without).
fn transient(error: &TransportError, retry_timeouts: bool) -> bool {
    match error {
        TransportError::Unreachable { .. } => true,
        TransportError::Timeout(_) => retry_timeouts,
        TransportError::Status { status } => matches!(status, 502..=504),
        TransportError::Overloaded { .. }
        | TransportError::CircuitOpen { .. }
        | TransportError::Undecodable(_) => false,
    }
}

impl SubgraphTransport for RetryLayer {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let policy = self.policies.get(&request.service_name);
        // Only queries are idempotent; a mutation goes out once.
        if policy.max_retries == 0 || !request.deduplicate {
            return self.inner.send(request);
        }
        let window = Duration::from_millis(policy.window_ms.max(10));
        let budget = self
            .budgets
            .get(&request.service_name, || Mutex::new(Budget::new(window)));
        Box::pin(async move {
            lock(&budget).record_request(Instant::now());
            let mut attempt = 0;
            loop {
                let answer = self.inner.send(request.clone()).await;
                let error = match answer {
                    Err(error) if transient(&error, policy.retry_timeouts) => error,
                    answer => return answer,
                };
                if attempt >= policy.max_retries {
                    return Err(error);
                }
                let allowed = (policy.retry_budget_ratio, policy.retry_budget_min);
                let retrying = lock(&budget).try_retry(Instant::now(), allowed);
                metrics::record_retry(&request.service_name, retrying);
                if !retrying {
                    tracing::debug!(
                        subgraph = %request.service_name,
                        "retry budget spent: not retrying {error}"
                    );
                    return Err(error);
                }
                let backoff = backoff(
                    attempt,
                    Duration::from_millis(policy.retry_backoff_ms),
                    Duration::from_millis(policy.retry_backoff_max_ms),
                );
                tracing::debug!(
                    subgraph = %request.service_name,
                    attempt = attempt + 1,
                    "retrying in {backoff:?} after: {error}"
                );
                tokio::time::sleep(backoff).await;
                attempt += 1;
            }
        })
    }
}

fn lock(budget: &Mutex<Budget>) -> std::sync::MutexGuard<'_, Budget> {
    budget.lock().unwrap_or_else(|e| e.into_inner())
}

/// The wait before retry number `attempt + 1`: `base * 2^attempt` capped at `max`, then a
/// uniform draw between half and all of it, so that clients failing together spread out.
pub fn backoff(attempt: u32, base: Duration, max: Duration) -> Duration {
    let full = base.saturating_mul(1 << attempt.min(20)).min(max);
    let draw = std::collections::hash_map::RandomState::new().hash_one(Instant::now());
    let fraction = 0.5 + (draw % 1_000) as f64 / 2_000.0;
    full.mul_f64(fraction)
}

/// Requests and retries of the last window, in ten buckets.
pub struct Budget {
    bucket: Duration,
    start: Instant,
    /// (bucket number since `start`, requests, retries), oldest first.
    buckets: VecDeque<(u64, u32, u32)>,
}

const BUCKETS: u64 = 10;

impl Budget {
    pub fn new(window: Duration) -> Self {
        Self {
            bucket: window / BUCKETS as u32,
            start: Instant::now(),
            buckets: VecDeque::new(),
        }
    }

    fn current(&mut self, now: Instant) -> &mut (u64, u32, u32) {
        let number =
            (now.saturating_duration_since(self.start).as_nanos() / self.bucket.as_nanos()) as u64;
        while self
            .buckets
            .front()
            .is_some_and(|(n, _, _)| *n + BUCKETS <= number)
        {
            self.buckets.pop_front();
        }
        if self.buckets.back().is_none_or(|(n, _, _)| *n != number) {
            self.buckets.push_back((number, 0, 0));
        }
        self.buckets
            .back_mut()
            .expect("a bucket was just pushed when none matched")
    }

    pub fn record_request(&mut self, now: Instant) {
        self.current(now).1 += 1;
    }

    /// Takes one retry from the budget when the window allows it.
    pub fn try_retry(&mut self, now: Instant, (ratio, min): (f64, u32)) -> bool {
        self.current(now);
        let (requests, retries) = self
            .buckets
            .iter()
            .fold((0u32, 0u32), |(q, r), (_, bq, br)| (q + bq, r + br));
        let allowed = (f64::from(requests) * ratio).floor().max(f64::from(min));
        if f64::from(retries) < allowed {
            self.current(now).2 += 1;
            true
        } else {
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_allows_a_fraction_of_recent_requests_and_forgets_old_ones() {
        let mut budget = Budget::new(Duration::from_secs(10));
        let t0 = Instant::now();
        for _ in 0..50 {
            budget.record_request(t0);
        }
        let granted = (0..20).filter(|_| budget.try_retry(t0, (0.2, 2))).count();
        assert_eq!(granted, 10, "20 % of 50 requests");
        let later = t0 + Duration::from_secs(11);
        let granted = (0..5).filter(|_| budget.try_retry(later, (0.2, 2))).count();
        assert_eq!(granted, 2, "a new window grants the minimum");
    }

    #[test]
    fn backoff_doubles_up_to_its_cap_and_keeps_at_least_half() {
        let base = Duration::from_millis(100);
        let max = Duration::from_millis(300);
        for (attempt, full) in [(0, 100), (1, 200), (2, 300), (9, 300)] {
            let wait = backoff(attempt, base, max);
            let full = Duration::from_millis(full);
            assert!(wait >= full / 2 && wait <= full, "{attempt}: {wait:?}");
        }
    }
}

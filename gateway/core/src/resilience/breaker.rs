//! A circuit breaker per subgraph. Closed, it counts outcomes over the last `window_ms`; a run
//! of `breaker_consecutive_failures`, or an error rate of `breaker_error_rate` over at least
//! `breaker_min_requests`, opens it. Open, every request fails at once (the fetch answers an
//! error naming the subgraph while the other subgraphs' data still arrives). After
//! `breaker_open_ms` one probe goes through (half-open): success closes it, failure opens it
//! again. Transitions are logged.

use super::{PerSubgraph, Policies, SubgraphPolicy};
use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use crate::telemetry::metrics::{BreakerState, record_breaker_transition};
use bytes::Bytes;
use futures::future::BoxFuture;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct BreakerLayer {
    inner: Arc<dyn SubgraphTransport>,
    policies: Arc<Policies>,
    breakers: PerSubgraph<Mutex<Breaker>>,
}

impl BreakerLayer {
    pub fn new(inner: Arc<dyn SubgraphTransport>, policies: Arc<Policies>) -> Self {
        Self {
            inner,
            policies,
            breakers: PerSubgraph::new(),
        }
    }
}

/// Whether an answer counts against the subgraph (its own failures, not the gateway's limits).
fn failed(answer: &Result<Bytes, TransportError>) -> bool {
    match answer {
        Ok(_) => false,
        Err(TransportError::Overloaded { .. } | TransportError::CircuitOpen { .. }) => false,
        Err(_) => true,
    }
}

impl SubgraphTransport for BreakerLayer {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let policy = self.policies.get(&request.service_name);
        if !policy.breaker_enabled {
            return self.inner.send(request);
        }
        let name = request.service_name.clone();
        let breaker = self
            .breakers
            .get(&name, || Mutex::new(Breaker::new((*policy).clone())));
        Box::pin(async move {
            if let Err(retry_in) = lock(&breaker).admit(&name, Instant::now()) {
                return Err(TransportError::CircuitOpen { retry_in });
            }
            let answer = self.inner.send(request).await;
            lock(&breaker).record(&name, Instant::now(), !failed(&answer));
            answer
        })
    }
}

fn lock(breaker: &Mutex<Breaker>) -> std::sync::MutexGuard<'_, Breaker> {
    breaker.lock().unwrap_or_else(|e| e.into_inner())
}

/// Where a breaker stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Closed,
    Open {
        until: Instant,
    },
    /// One probe is out since this instant.
    HalfOpen {
        since: Instant,
    },
}

/// One subgraph's breaker.
pub struct Breaker {
    policy: SubgraphPolicy,
    state: State,
    /// (when, succeeded) of the requests of the window, oldest first.
    outcomes: VecDeque<(Instant, bool)>,
    consecutive_failures: u32,
}

impl Breaker {
    pub fn new(policy: SubgraphPolicy) -> Self {
        Self {
            policy,
            state: State::Closed,
            outcomes: VecDeque::new(),
            consecutive_failures: 0,
        }
    }

    pub fn state(&self) -> State {
        self.state
    }

    fn open_for(&self) -> Duration {
        Duration::from_millis(self.policy.breaker_open_ms)
    }

    /// Lets a request through, or says how long until the next probe.
    pub fn admit(&mut self, subgraph: &str, now: Instant) -> Result<(), Duration> {
        match self.state {
            State::Closed => Ok(()),
            State::Open { until } if now < until => Err(until - now),
            State::Open { .. } => {
                tracing::info!(subgraph, "circuit breaker half-open: sending one probe");
                record_breaker_transition(subgraph, BreakerState::HalfOpen);
                self.state = State::HalfOpen { since: now };
                Ok(())
            }
            // A probe that never came back (its request was cancelled) is replaced in time.
            State::HalfOpen { since } if now.duration_since(since) >= self.open_for() => {
                self.state = State::HalfOpen { since: now };
                Ok(())
            }
            State::HalfOpen { since } => Err(self.open_for().saturating_sub(now - since)),
        }
    }

    /// Counts one outcome and moves the breaker accordingly.
    pub fn record(&mut self, subgraph: &str, now: Instant, succeeded: bool) {
        if let State::HalfOpen { .. } = self.state {
            if succeeded {
                tracing::info!(subgraph, "circuit breaker closed: the probe succeeded");
                record_breaker_transition(subgraph, BreakerState::Closed);
                self.state = State::Closed;
                self.outcomes.clear();
                self.consecutive_failures = 0;
            } else {
                tracing::warn!(subgraph, "circuit breaker open again: the probe failed");
                record_breaker_transition(subgraph, BreakerState::Open);
                self.state = State::Open {
                    until: now + self.open_for(),
                };
            }
            return;
        }
        if self.state != State::Closed {
            // An answer to a request admitted before the breaker opened.
            return;
        }
        let window = Duration::from_millis(self.policy.window_ms);
        while self
            .outcomes
            .front()
            .is_some_and(|(at, _)| now.duration_since(*at) > window)
        {
            self.outcomes.pop_front();
        }
        self.outcomes.push_back((now, succeeded));
        self.consecutive_failures = if succeeded {
            0
        } else {
            self.consecutive_failures + 1
        };
        let failures = self.outcomes.iter().filter(|(_, ok)| !ok).count();
        let total = self.outcomes.len();
        let rate = failures as f64 / total as f64;
        let by_run = self.consecutive_failures >= self.policy.breaker_consecutive_failures;
        let by_rate = total >= self.policy.breaker_min_requests as usize
            && rate >= self.policy.breaker_error_rate;
        if by_run || by_rate {
            tracing::warn!(
                subgraph,
                consecutive_failures = self.consecutive_failures,
                failures,
                requests = total,
                "circuit breaker open for {:?}",
                self.open_for()
            );
            record_breaker_transition(subgraph, BreakerState::Open);
            self.state = State::Open {
                until: now + self.open_for(),
            };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn breaker() -> Breaker {
        Breaker::new(SubgraphPolicy {
            breaker_consecutive_failures: 3,
            breaker_min_requests: 10,
            breaker_error_rate: 0.5,
            breaker_open_ms: 1_000,
            ..SubgraphPolicy::default()
        })
    }

    #[test]
    fn a_run_of_failures_opens_it_and_a_successful_probe_closes_it() {
        let mut b = breaker();
        let t0 = Instant::now();
        for _ in 0..3 {
            assert_eq!(b.admit("s", t0), Ok(()));
            b.record("s", t0, false);
        }
        let until = t0 + Duration::from_secs(1);
        assert_eq!(b.state(), State::Open { until });
        assert_eq!(b.admit("s", t0), Err(Duration::from_secs(1)));
        assert_eq!(b.admit("s", until), Ok(()), "the probe");
        assert_eq!(b.state(), State::HalfOpen { since: until });
        assert!(b.admit("s", until).is_err(), "one probe at a time");
        b.record("s", until, true);
        assert_eq!(b.state(), State::Closed);
    }

    #[test]
    fn an_error_rate_opens_it_only_over_enough_requests() {
        let mut b = breaker();
        let t0 = Instant::now();
        for i in 0..9 {
            b.record("s", t0, i % 2 == 0);
        }
        assert_eq!(b.state(), State::Closed, "9 requests are too few");
        b.record("s", t0, false);
        assert_eq!(
            b.state(),
            State::Open {
                until: t0 + Duration::from_secs(1)
            }
        );
    }

    #[test]
    fn a_failed_probe_opens_it_again() {
        let mut b = breaker();
        let t0 = Instant::now();
        for _ in 0..3 {
            b.record("s", t0, false);
        }
        let probe = t0 + Duration::from_secs(1);
        assert_eq!(b.admit("s", probe), Ok(()));
        b.record("s", probe, false);
        assert_eq!(
            b.state(),
            State::Open {
                until: probe + Duration::from_secs(1)
            }
        );
    }
}

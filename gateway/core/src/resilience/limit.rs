//! At most `max_concurrent_requests` requests in flight per subgraph: a request beyond them
//! waits up to `max_wait_ms` for a slot, then fails naming the subgraph (the executor adds
//! the name) without ever reaching it.

use super::{PerSubgraph, Policies};
use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use crate::telemetry::metrics;
use bytes::Bytes;
use futures::future::BoxFuture;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;

pub struct LimitLayer {
    inner: Arc<dyn SubgraphTransport>,
    policies: Arc<Policies>,
    slots: PerSubgraph<Semaphore>,
}

impl LimitLayer {
    pub fn new(inner: Arc<dyn SubgraphTransport>, policies: Arc<Policies>) -> Self {
        Self {
            inner,
            policies,
            slots: PerSubgraph::new(),
        }
    }
}

impl SubgraphTransport for LimitLayer {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let policy = self.policies.get(&request.service_name);
        let Some(max) = policy.max_concurrent_requests else {
            return self.inner.send(request);
        };
        let slots = self
            .slots
            .get(&request.service_name, || Semaphore::new(max));
        let wait = Duration::from_millis(policy.max_wait_ms);
        Box::pin(async move {
            let subgraph = request.service_name.as_str();
            let slot = match slots.clone().try_acquire_owned() {
                Ok(slot) => slot,
                Err(_) => {
                    metrics::record_concurrency_wait(subgraph);
                    match tokio::time::timeout(wait, slots.acquire_owned()).await {
                        Ok(Ok(slot)) => slot,
                        // A closed semaphore cannot happen (it is never closed); treat it as busy.
                        Ok(Err(_)) | Err(_) => {
                            metrics::record_concurrency_refusal(subgraph);
                            return Err(TransportError::Overloaded { max, waited: wait });
                        }
                    }
                }
            };
            let answer = self.inner.send(request).await;
            drop(slot);
            answer
        })
    }
}

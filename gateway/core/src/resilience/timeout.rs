//! Each attempt at a subgraph within the subgraph's timeout, or the global one.

use super::Policies;
use crate::execute::{SubgraphRequest, SubgraphTransport, TransportError};
use bytes::Bytes;
use futures::future::BoxFuture;
use std::sync::Arc;
use std::time::Duration;

pub struct TimeoutLayer {
    inner: Arc<dyn SubgraphTransport>,
    policies: Arc<Policies>,
    global: Duration,
}

impl TimeoutLayer {
    pub fn new(
        inner: Arc<dyn SubgraphTransport>,
        policies: Arc<Policies>,
        global: Duration,
    ) -> Self {
        Self {
            inner,
            policies,
            global,
        }
    }
}

impl SubgraphTransport for TimeoutLayer {
    fn send(&self, request: SubgraphRequest) -> BoxFuture<'_, Result<Bytes, TransportError>> {
        let limit = self
            .policies
            .get(&request.service_name)
            .timeout(self.global);
        Box::pin(async move {
            tokio::time::timeout(limit, self.inner.send(request))
                .await
                .unwrap_or(Err(TransportError::Timeout(limit)))
        })
    }
}

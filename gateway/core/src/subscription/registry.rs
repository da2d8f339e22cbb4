//! The gateway's subscriptions as a whole: how many are open (for `max_total`), the signal
//! that ends them all on shutdown, the subgraph subscriptions identical ones share, and the
//! schema swaps open subscriptions are judged against.

use super::shared::SharedSubscriptions;
use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::Gateway;
use crate::reload::GatewayHandle;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};
use tokio::sync::watch;

/// The gateway of each schema swapped in ([`GatewayHandle::changes`]).
pub(crate) type SchemaChanges = watch::Receiver<Option<Arc<Gateway>>>;

/// Shared by every connection of one server, across schema reloads.
pub struct Registry {
    open: AtomicUsize,
    ending: watch::Sender<bool>,
    shared: Arc<SharedSubscriptions>,
    schema: OnceLock<SchemaChanges>,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            open: AtomicUsize::new(0),
            ending: watch::Sender::new(false),
            shared: Arc::default(),
            schema: OnceLock::new(),
        }
    }
}

impl Registry {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// Judges open subscriptions against each schema `handle` swaps in; the router of a server
    /// calls it. A registry follows the first handle only: one registry serves one server.
    pub fn follow(&self, handle: &GatewayHandle) {
        let _ = self.schema.set(handle.changes());
    }

    /// The schema swaps to follow, if the registry follows a handle. The receiver has seen
    /// only the schema current at [`Registry::follow`]: a subscription opened after a later
    /// swap is judged at once, and keeps running when it started on that schema already.
    pub(crate) fn schema_changes(&self) -> Option<SchemaChanges> {
        self.schema.get().cloned()
    }

    pub(crate) fn shared(&self) -> &Arc<SharedSubscriptions> {
        &self.shared
    }

    /// Subscriptions open now.
    pub fn open(&self) -> usize {
        self.open.load(Ordering::Relaxed)
    }

    /// Ends every subscription with `complete` (graceful shutdown); new ones are refused.
    pub fn end_all(&self) {
        self.ending.send_replace(true);
    }

    pub(crate) fn is_ending(&self) -> bool {
        *self.ending.borrow()
    }

    /// Resolves when [`Registry::end_all`] is called.
    pub(crate) fn ended(&self) -> impl Future<Output = ()> + Send + use<> {
        let mut receiver = self.ending.subscribe();
        async move {
            let _ = receiver.wait_for(|ending| *ending).await;
        }
    }

    /// A place for one more subscription, or the error of `max_total`.
    #[expect(
        clippy::result_large_err,
        reason = "the error is the GraphQL error the client receives, built once per refusal"
    )]
    pub(crate) fn admit(self: &Arc<Self>, max_total: usize) -> Result<Permit, GraphqlError> {
        let admitted = self
            .open
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |open| {
                (open < max_total).then_some(open + 1)
            });
        match admitted {
            Ok(_) => {
                crate::telemetry::metrics::record_subscriptions_open(self.open());
                Ok(Permit(self.clone()))
            }
            Err(_) => Err(GraphqlError::new(
                format!(
                    "the gateway holds {max_total} subscriptions, its limit \
                     `subscriptions.max_total`: try again later"
                ),
                ErrorCode::SubscriptionLimitExceeded,
            )),
        }
    }
}

/// One open subscription, counted until dropped.
pub(crate) struct Permit(Arc<Registry>);

impl Drop for Permit {
    fn drop(&mut self) {
        self.0.open.fetch_sub(1, Ordering::AcqRel);
        crate::telemetry::metrics::record_subscriptions_open(self.0.open());
    }
}

//! The gateway's subscriptions as a whole: how many are open (for `max_total`), and the signal
//! that ends them all on shutdown.

use crate::error::{ErrorCode, GraphqlError};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::watch;

/// Shared by every connection of one server, across schema reloads.
pub struct Registry {
    open: AtomicUsize,
    ending: watch::Sender<bool>,
}

impl Default for Registry {
    fn default() -> Self {
        Self {
            open: AtomicUsize::new(0),
            ending: watch::Sender::new(false),
        }
    }
}

impl Registry {
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
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

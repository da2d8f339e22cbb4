//! Deduplicated subgraph subscriptions (`subscriptions.deduplicate`): identical root fetches
//! share one subgraph subscription whose events fan out to every client.
//!
//! Two root fetches are identical when their subgraph, URL, body (operation text and
//! variables) and propagated headers are equal, compared in full rather than by a hash, so two
//! callers whose credentials or headers differ never share. The subgraph subscription is
//! opened and read by a hub task; each client reads the hub's broadcast at its own pace (a
//! client that falls behind loses the oldest events, counted as drops) and runs each event
//! through its own pipeline, so entity fetches and authorization stay per caller. The hub ends
//! when the last client leaves ([`Shared`] dropped), which closes the subgraph subscription;
//! when the subgraph completes or fails, every sharer gets the same ending.

use super::settings::SubscriptionSettings;
use super::upstream::{self, Upstream};
use crate::error::GraphqlError;
use crate::execute::SubgraphRequest;
use bytes::Bytes;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, Weak};
use tokio::sync::{broadcast, watch};

/// What makes two root fetches the same subgraph subscription.
#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    service: String,
    url: String,
    body: Bytes,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
}

impl Key {
    fn of(request: &SubgraphRequest) -> Self {
        Self {
            service: request.service_name.clone(),
            url: request.url.clone(),
            body: request.body.clone(),
            headers: request.headers.clone(),
        }
    }
}

/// A hub's message: a subgraph message, or `None` when the subgraph completed.
type Message = Option<Upstream>;

/// The open shared subgraph subscriptions of one server, across schema reloads.
#[derive(Default)]
pub(crate) struct SharedSubscriptions {
    open: Mutex<HashMap<Key, Weak<Shared>>>,
}

/// One shared subgraph subscription; kept open while a client holds it.
pub(crate) struct Shared {
    key: Key,
    all: Arc<SharedSubscriptions>,
    events: broadcast::Sender<Message>,
    /// `None` while the hub opens the subgraph subscription, then whether it did.
    opened: watch::Receiver<Option<Result<(), GraphqlError>>>,
    hub: tokio::task::AbortHandle,
}

impl Drop for Shared {
    fn drop(&mut self) {
        self.hub.abort();
        let mut open = self.all.lock();
        // Another `Shared` may have taken the key since (this one ended early): leave it.
        if open.get(&self.key).is_some_and(|w| w.strong_count() == 0) {
            open.remove(&self.key);
        }
    }
}

/// A client's share: the events from when it joined.
pub(crate) struct Share {
    events: broadcast::Receiver<Message>,
    service: String,
    _shared: Arc<Shared>,
}

impl Share {
    /// The next subgraph message; `None` once the subgraph completed.
    pub(crate) async fn recv(&mut self) -> Option<Upstream> {
        loop {
            match self.events.recv().await {
                Ok(message) => return message,
                Err(broadcast::error::RecvError::Lagged(missed)) => {
                    crate::telemetry::metrics::record_subscription_events_dropped(
                        &self.service,
                        missed,
                    );
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
    }
}

impl SharedSubscriptions {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Key, Weak<Shared>>> {
        self.open.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Joins the subgraph subscription identical to `request`, opening it if none is open;
    /// the error is the subgraph's refusal, the same for every client waiting on it.
    pub(crate) async fn join(
        self: &Arc<Self>,
        request: SubgraphRequest,
        settings: &SubscriptionSettings,
    ) -> Result<Share, GraphqlError> {
        let key = Key::of(&request);
        let service = request.service_name.clone();
        // The `Arc` leaves the locked block before anything can drop it: `Shared::drop` locks.
        let (shared, events, joined) = {
            let mut open = self.lock();
            match open.get(&key).and_then(Weak::upgrade) {
                Some(shared) => {
                    let events = shared.events.subscribe();
                    (shared, events, true)
                }
                None => {
                    let shared = self.start(key.clone(), request, settings);
                    open.insert(key, Arc::downgrade(&shared));
                    let events = shared.events.subscribe();
                    (shared, events, false)
                }
            }
        };
        let mut opened = shared.opened.clone();
        let outcome = match opened.wait_for(Option::is_some).await {
            Ok(outcome) => outcome.clone().unwrap_or(Ok(())),
            Err(_) => Err(upstream::failure(
                &service,
                "ended the shared subscription before it opened",
            )),
        };
        outcome?;
        if joined {
            crate::telemetry::metrics::record_subscription_deduplicated(&service);
        }
        Ok(Share {
            events,
            service,
            _shared: shared,
        })
    }

    /// A new shared subscription, its hub task opening the subgraph subscription.
    fn start(
        self: &Arc<Self>,
        key: Key,
        request: SubgraphRequest,
        settings: &SubscriptionSettings,
    ) -> Arc<Shared> {
        let (events, _) = broadcast::channel(settings.buffer_size.max(1));
        let (opened_tx, opened) = watch::channel(None);
        let settings = settings.clone();
        Arc::new_cyclic(|me: &Weak<Shared>| {
            let hub = Hub {
                key: key.clone(),
                all: self.clone(),
                me: me.clone(),
                events: events.clone(),
            };
            let task = tokio::spawn(hub.run(request, settings, opened_tx));
            Shared {
                key,
                all: self.clone(),
                events,
                opened,
                hub: task.abort_handle(),
            }
        })
    }

    /// Takes `me` out of the open subscriptions: whoever asks from now on opens a new one.
    fn forget(&self, key: &Key, me: &Weak<Shared>) {
        let mut open = self.lock();
        if open.get(key).is_some_and(|w| Weak::ptr_eq(w, me)) {
            open.remove(key);
        }
    }
}

/// Reads one subgraph subscription into its broadcast.
struct Hub {
    key: Key,
    all: Arc<SharedSubscriptions>,
    me: Weak<Shared>,
    events: broadcast::Sender<Message>,
}

impl Hub {
    async fn run(
        self,
        request: SubgraphRequest,
        settings: SubscriptionSettings,
        opened: watch::Sender<Option<Result<(), GraphqlError>>>,
    ) {
        let mut upstream = match upstream::open(request, &settings).await {
            Ok(upstream) => {
                opened.send_replace(Some(Ok(())));
                upstream
            }
            Err(error) => {
                self.all.forget(&self.key, &self.me);
                opened.send_replace(Some(Err(error)));
                return;
            }
        };
        // Forgotten before the ending is sent: a client joins (under the same lock) either
        // before, and receives the ending, or after, and opens a new subscription.
        loop {
            match upstream.recv().await {
                Some(Upstream::Next(payload)) => {
                    let _ = self.events.send(Some(Upstream::Next(payload)));
                }
                Some(Upstream::Failed(error)) => {
                    self.all.forget(&self.key, &self.me);
                    let _ = self.events.send(Some(Upstream::Failed(error)));
                    return;
                }
                None => {
                    self.all.forget(&self.key, &self.me);
                    let _ = self.events.send(None);
                    return;
                }
            }
        }
    }
}

//! Supergraph hot reload: a [`GatewayHandle`] holds the gateway of the current schema and swaps
//! in a new one atomically. A request takes the current gateway once, at its start, and keeps
//! it to its end, so requests in flight finish on the schema they started with. Each gateway
//! has its own document and plan caches (nothing stale is served after a swap); the transport,
//! circuit breakers, rate-limit buckets and persisted queries are shared ([`SharedState`]).
//!
//! Open subscriptions follow the swaps through [`GatewayHandle::changes`]: each is judged
//! against the new schema ([`crate::subscription`]).
//!
//! Where new supergraphs come from is a [`SupergraphSource`]: a file ([`file`]), an URL
//! ([`url`]), or anything else (the CLI composes subgraphs itself). [`watch`] polls one.

pub mod file;
pub mod service_sdl;
mod source;
pub mod url;

pub use source::{SupergraphSource, poll_once, watch};

use crate::gateway::{Gateway, GatewaySettings, SharedState};
use crate::supergraph::Supergraph;
use arc_swap::ArcSwapOption;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

/// The gateway of the current supergraph, if one is loaded yet, swapped on reload.
#[derive(Clone)]
pub struct GatewayHandle {
    inner: Arc<Inner>,
}

struct Inner {
    current: ArcSwapOption<Gateway>,
    /// The same gateway as `current`, for those who wait for a swap rather than read it per
    /// request (open subscriptions).
    changes: watch::Sender<Option<Arc<Gateway>>>,
    settings: GatewaySettings,
    shared: SharedState,
    stats: ReloadStats,
}

/// Counts of schema loads, for logs and metrics.
#[derive(Debug, Default)]
pub struct ReloadStats {
    /// Supergraphs loaded and swapped in (the first one included).
    pub loaded: AtomicU64,
    /// Supergraphs refused (unreadable, invalid, composition failed): the old one kept serving.
    pub failed: AtomicU64,
    last_error: Mutex<Option<String>>,
}

impl ReloadStats {
    /// Why the latest refused supergraph was refused, if any was since the last success.
    pub fn last_error(&self) -> Option<String> {
        self.last_error
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    fn set_last_error(&self, error: Option<String>) {
        *self.last_error.lock().unwrap_or_else(|e| e.into_inner()) = error;
    }
}

impl GatewayHandle {
    /// No schema yet: GraphQL requests are refused and `/ready` says so until [`Self::load`].
    pub fn empty(settings: GatewaySettings, shared: SharedState) -> Self {
        Self {
            inner: Arc::new(Inner {
                current: ArcSwapOption::empty(),
                changes: watch::Sender::new(None),
                settings,
                shared,
                stats: ReloadStats::default(),
            }),
        }
    }

    /// A handle serving `gateway` until a reload replaces it.
    pub fn new(gateway: Arc<Gateway>) -> Self {
        let handle = Self::empty(gateway.settings().clone(), gateway.shared());
        handle.inner.current.store(Some(gateway.clone()));
        handle.inner.changes.send_replace(Some(gateway));
        handle.inner.stats.loaded.fetch_add(1, Ordering::Relaxed);
        handle
    }

    /// The gateway of the current schema: take it once per request and keep it.
    pub fn current(&self) -> Option<Arc<Gateway>> {
        self.inner.current.load_full()
    }

    /// The gateway of each schema swapped in from now on; `changed()` resolves on a swap.
    pub fn changes(&self) -> watch::Receiver<Option<Arc<Gateway>>> {
        self.inner.changes.subscribe()
    }

    pub fn stats(&self) -> &ReloadStats {
        &self.inner.stats
    }

    /// The state every schema's gateway shares.
    pub fn shared(&self) -> &SharedState {
        &self.inner.shared
    }

    pub fn settings(&self) -> &GatewaySettings {
        &self.inner.settings
    }

    /// Parses and validates `sdl` and swaps it in; an SDL identical to the current schema is
    /// left alone (`Ok(false)`). On error the current schema keeps serving.
    pub fn load(&self, sdl: &str) -> Result<bool, String> {
        match Supergraph::parse(sdl) {
            Ok(supergraph) => Ok(self.install(supergraph)),
            Err(error) => Err(self.refuse(error.to_string())),
        }
    }

    /// Swaps in an already loaded supergraph (`false` when it is the current one).
    pub fn install(&self, supergraph: Supergraph) -> bool {
        if self
            .current()
            .is_some_and(|current| current.supergraph().hash == supergraph.hash)
        {
            return false;
        }
        let gateway = Gateway::with_shared(
            supergraph,
            self.inner.settings.clone(),
            self.inner.shared.clone(),
        );
        let gateway = Arc::new(gateway);
        self.inner.current.store(Some(gateway.clone()));
        self.inner.changes.send_replace(Some(gateway));
        self.inner.stats.loaded.fetch_add(1, Ordering::Relaxed);
        self.inner.stats.set_last_error(None);
        crate::telemetry::metrics::record_schema_reload(true);
        true
    }

    /// Counts and remembers a refused supergraph; returns the reason for the caller to log.
    pub fn refuse(&self, reason: String) -> String {
        self.inner.stats.failed.fetch_add(1, Ordering::Relaxed);
        self.inner.stats.set_last_error(Some(reason.clone()));
        crate::telemetry::metrics::record_schema_reload(false);
        reason
    }
}

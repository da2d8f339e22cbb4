//! The long-lived part of a gateway, kept across supergraph reloads, and the per-schema
//! routing a new supergraph recomputes.

use super::GatewaySettings;
use crate::audit::AuditTrail;
use crate::auth::Authenticator;
use crate::execute::{DedupTransport, SubgraphTransport};
use crate::headers::HeaderRules;
use crate::persisted::PersistedQueryStore;
use crate::rate_limit::RateLimiter;
use crate::resilience::layered;
use crate::supergraph::Supergraph;
use crate::trusted::TrustedDocuments;
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// What outlives a supergraph: the subgraph transport (its connection pool, circuit breakers
/// and concurrency slots), the persisted-query store, the trusted documents manifest, the rate limiter's buckets, the
/// authenticator (its key set), the audit trail's writer and the compiled header rules. A
/// reloaded schema gets a new [`Gateway`](super::Gateway) around the same `SharedState`.
#[derive(Clone)]
pub struct SharedState {
    pub(super) transport: Arc<dyn SubgraphTransport>,
    pub(super) persisted: Arc<PersistedQueryStore>,
    pub(super) trusted: Arc<TrustedDocuments>,
    pub(super) rate_limiter: Option<Arc<RateLimiter>>,
    pub(super) authenticator: Arc<Authenticator>,
    pub(super) audit: Arc<AuditTrail>,
    pub(super) header_rules: Arc<HeaderRules>,
}

impl SharedState {
    /// Panics on authentication or audit settings that cannot work; [`Self::try_new`]
    /// returns them.
    pub fn new(settings: &GatewaySettings, transport: Arc<dyn SubgraphTransport>) -> Self {
        Self::try_new(settings, transport)
            .unwrap_or_else(|message| panic!("gateway settings: {message}"))
    }

    /// Wraps `transport` in the resilience layers, compression and deduplication the settings
    /// ask for, compiles the header rules and reads a trusted documents manifest file; or why
    /// the authentication, audit, header or trusted documents settings cannot work.
    pub fn try_new(
        settings: &GatewaySettings,
        transport: Arc<dyn SubgraphTransport>,
    ) -> Result<Self, String> {
        let authenticator = Arc::new(Authenticator::new(
            settings.jwt_secret.clone(),
            settings.auth.clone(),
        )?);
        let audit = AuditTrail::new(settings.audit.clone())?;
        let trusted = TrustedDocuments::new(settings.trusted_documents.clone())?;
        let header_rules = HeaderRules::new(&settings.headers)
            .map_err(|(key, message)| format!("{key}: {message}"))?;
        let transport = layered(transport, &settings.resilience, settings.subgraph_timeout);
        let transport =
            crate::subgraph_compression::layer(transport, &settings.subgraph_compression);
        let transport: Arc<dyn SubgraphTransport> = if settings.deduplicate_requests {
            Arc::new(DedupTransport::new(transport))
        } else {
            transport
        };
        Ok(Self {
            transport,
            authenticator: authenticator.clone(),
            audit: Arc::new(audit),
            persisted: Arc::new(PersistedQueryStore::memory()),
            trusted: Arc::new(trusted),
            header_rules: Arc::new(header_rules),
            rate_limiter: settings.rate_limits.is_enabled().then(|| {
                Arc::new(RateLimiter::new(
                    settings.rate_limits.clone(),
                    authenticator.clone(),
                ))
            }),
        })
    }

    /// Persisted queries and rate-limit buckets in Redis, as [`Gateway::with_redis`](super::Gateway::with_redis).
    pub async fn with_redis(mut self, url: &str) -> Result<Self, crate::persisted::StoreError> {
        self.persisted = Arc::new(PersistedQueryStore::redis(url).await?);
        if let Some(limiter) = &self.rate_limiter {
            limiter
                .use_redis(url)
                .map_err(|reason| crate::persisted::StoreError::Connect {
                    url: url.to_string(),
                    reason,
                })?;
        }
        Ok(self)
    }

    /// Verifies callers' tokens (its key set, when one is configured, is read at start by
    /// `quntuan serve` through [`Authenticator::key_store`]).
    pub fn authenticator(&self) -> &Authenticator {
        &self.authenticator
    }

    /// The trusted documents manifest (`quntuan serve` reads one at an URL through
    /// [`TrustedDocuments::preload`] and starts [`TrustedDocuments::watch`]).
    pub fn trusted_documents(&self) -> &Arc<TrustedDocuments> {
        &self.trusted
    }

    /// The rate limiter, when any limit is configured.
    pub fn rate_limiter(&self) -> Option<Arc<RateLimiter>> {
        self.rate_limiter.clone()
    }
}

/// Each subgraph's URL (overrides applied) and the longest a fetch may take.
pub(super) fn routing(
    supergraph: &Supergraph,
    settings: &GatewaySettings,
) -> (HashMap<String, String>, Duration) {
    let urls = supergraph
        .subgraphs
        .iter()
        .map(|s| {
            let url = settings
                .url_overrides
                .get(&s.name)
                .cloned()
                .unwrap_or_else(|| s.url.clone());
            (s.name.clone(), url)
        })
        .collect();
    // A little over the layers' own bound, so that their errors, which say more, come first.
    let fetch_deadline = supergraph
        .subgraphs
        .iter()
        .map(|s| {
            let policy = settings.resilience.policy(&s.name);
            policy.deadline(settings.subgraph_timeout)
        })
        .max()
        .unwrap_or(settings.subgraph_timeout)
        + Duration::from_millis(250);
    (urls, fetch_deadline)
}

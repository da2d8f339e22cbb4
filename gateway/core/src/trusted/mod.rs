//! Trusted documents: a manifest of the operations the gateway's own clients send, read from
//! a file or an URL at start and reloaded when it changes, and the stage that decides which
//! document a request runs ([`TrustedDocuments::resolve`]).
//!
//! Modes ([`TrustedDocumentsMode`]): `off` (automatic persisted queries as before), `safelist`
//! (by ID, or a free-form document that is in the manifest), `require_id` (by ID only),
//! `log_unknown` (everything runs; what the manifest lacks is logged to the
//! `quntuan::trusted_documents` target and counted). A request names a document by
//! `documentId` or by Apollo's `extensions.persistedQuery.sha256Hash`.
//!
//! A manifest that cannot be read or parsed is refused, counted and logged; the previous one
//! stays in force (at start, it is a configuration error).

mod manifest;
mod normalise;
mod resolve;
mod settings;

pub use manifest::Manifest;
pub use resolve::DocumentCheck;
pub use settings::{TrustedDocumentsMode, TrustedDocumentsSettings};

use crate::reload::SupergraphSource;
use crate::reload::file::FileSource;
use crate::reload::url::UrlSource;
use crate::telemetry::metrics::record_trusted_documents_reload;
use arc_swap::ArcSwap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Free-form documents whose verdict (in the manifest or not) is remembered, per manifest.
const DECISIONS_KEPT: u64 = 10_000;

/// The manifest in force, with the verdicts on free-form documents made against it.
struct Current {
    manifest: Manifest,
    /// By the document's SHA-256 (a hash an attacker cannot collide, unlike a `u64`).
    decisions: moka::sync::Cache<[u8; 32], bool>,
}

impl Current {
    fn new(manifest: Manifest) -> Self {
        Self {
            manifest,
            decisions: moka::sync::Cache::new(DECISIONS_KEPT),
        }
    }
}

/// Where the manifest is read from again on reload.
enum Source {
    File(FileSource),
    Url(Box<UrlSource>),
}

impl Source {
    async fn poll(&mut self) -> Result<Option<String>, String> {
        match self {
            Self::File(source) => source.poll().await,
            Self::Url(source) => source.poll().await,
        }
    }
}

/// Counts of manifest loads.
#[derive(Debug, Default)]
pub struct ManifestStats {
    /// Manifests loaded (the first one included).
    pub loaded: AtomicU64,
    /// Manifests refused (unreadable or invalid): the previous one stayed in force.
    pub failed: AtomicU64,
}

/// The trusted-documents manifest in force and the settings that say what it is for.
pub struct TrustedDocuments {
    settings: TrustedDocumentsSettings,
    current: ArcSwap<Current>,
    source: tokio::sync::Mutex<Option<Source>>,
    stats: ManifestStats,
}

impl TrustedDocuments {
    /// Reads a manifest file now (an URL is read by [`Self::preload`]); the error names the
    /// setting or the file and what is wrong with it.
    pub fn new(settings: TrustedDocumentsSettings) -> Result<Self, String> {
        let (source, initial) = Self::open(&settings)?;
        let documents = Self {
            current: ArcSwap::from_pointee(Current::new(Manifest::empty())),
            source: tokio::sync::Mutex::new(source),
            stats: ManifestStats::default(),
            settings,
        };
        if let Some(manifest) = initial {
            documents.install(manifest);
        }
        Ok(documents)
    }

    /// The manifest's source, and the manifest itself when it is a file.
    fn open(
        settings: &TrustedDocumentsSettings,
    ) -> Result<(Option<Source>, Option<Manifest>), String> {
        if !settings.is_enabled() {
            return Ok((None, None));
        }
        if settings.poll_interval_ms == 0 {
            return Err("trusted_documents.poll_interval_ms must be at least 1".into());
        }
        let Some(manifest) = &settings.manifest else {
            return Err(format!(
                "trusted_documents.mode `{}` needs `trusted_documents.manifest`: a manifest \
                 file, or an http(s):// URL serving one",
                settings.mode.as_str()
            ));
        };
        if let Some(url) = settings.manifest_url() {
            return Ok((Some(Source::Url(Box::new(UrlSource::new(url)))), None));
        }
        let text = std::fs::read_to_string(manifest)
            .map_err(|e| format!("trusted_documents.manifest: cannot read {manifest}: {e}"))?;
        let parsed = Manifest::parse(&text)
            .map_err(|e| format!("trusted_documents.manifest {manifest}: {e}"))?;
        Ok((Some(Source::File(FileSource::new(manifest))), Some(parsed)))
    }

    /// Reads a manifest served at an URL before the gateway serves (a file was read by
    /// [`Self::new`]); an error is a configuration error.
    pub async fn preload(&self) -> Result<(), String> {
        if self.settings.manifest_url().is_none() || self.stats.loaded.load(Ordering::Relaxed) > 0 {
            return Ok(());
        }
        self.reload().await?;
        if self.stats.loaded.load(Ordering::Relaxed) == 0 {
            return Err("trusted_documents.manifest: the URL gave no manifest".into());
        }
        Ok(())
    }

    /// Reads the manifest again and puts it in force when it changed (`Ok(true)`). A manifest
    /// that cannot be read or parsed is counted and refused: the one in force stays.
    pub async fn reload(&self) -> Result<bool, String> {
        let mut source = self.source.lock().await;
        let Some(source) = source.as_mut() else {
            return Ok(false);
        };
        let what = self.settings.manifest.as_deref().unwrap_or_default();
        let refused = |reason: String| {
            self.stats.failed.fetch_add(1, Ordering::Relaxed);
            record_trusted_documents_reload(false);
            format!("trusted documents manifest {what}: {reason}")
        };
        let text = match source.poll().await {
            Ok(Some(text)) => text,
            Ok(None) => return Ok(false),
            Err(reason) => return Err(refused(reason)),
        };
        if self.current.load().manifest.is_text(&text) {
            return Ok(false);
        }
        let manifest = Manifest::parse(&text).map_err(refused)?;
        tracing::info!(
            target: "quntuan::trusted_documents",
            manifest = what,
            operations = manifest.len(),
            "trusted documents manifest loaded"
        );
        self.install(manifest);
        Ok(true)
    }

    fn install(&self, manifest: Manifest) {
        self.current.store(Arc::new(Current::new(manifest)));
        self.stats.loaded.fetch_add(1, Ordering::Relaxed);
        record_trusted_documents_reload(true);
    }

    /// Polls the manifest every `poll_interval_ms` for as long as the runtime lives, when a
    /// mode needs it and `hot_reload` is on; refusals are logged once each.
    pub fn watch(self: &Arc<Self>) -> Option<tokio::task::JoinHandle<()>> {
        if !self.settings.is_enabled() || !self.settings.hot_reload {
            return None;
        }
        let documents = self.clone();
        let interval = Duration::from_millis(self.settings.poll_interval_ms);
        Some(tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                if let Err(message) = documents.reload().await {
                    tracing::warn!(
                        target: "quntuan::trusted_documents",
                        "{message}; the previous manifest stays in force"
                    );
                }
            }
        }))
    }

    pub fn settings(&self) -> &TrustedDocumentsSettings {
        &self.settings
    }

    pub fn stats(&self) -> &ManifestStats {
        &self.stats
    }

    /// Operations in the manifest in force.
    pub fn len(&self) -> usize {
        self.current.load().manifest.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

//! Trusted-document settings: which operations the gateway runs, and where the manifest of
//! allowed operations comes from.

use serde::{Deserialize, Serialize};

/// What the gateway does with operations that are not in the manifest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrustedDocumentsMode {
    /// No manifest: every operation runs, automatic persisted queries as usual.
    #[default]
    Off,
    /// Operations by ID from the manifest, and free-form operations whose document is in
    /// the manifest (compared normalised); anything else is refused.
    Safelist,
    /// Operations by ID from the manifest only; every free-form document is refused.
    RequireId,
    /// Everything runs (IDs from the manifest, then automatic persisted queries, then
    /// free-form documents); operations not in the manifest are logged and counted.
    LogUnknown,
}

impl TrustedDocumentsMode {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Off => "off",
            Self::Safelist => "safelist",
            Self::RequireId => "require_id",
            Self::LogUnknown => "log_unknown",
        }
    }
}

/// `trusted_documents` in the configuration file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TrustedDocumentsSettings {
    pub mode: TrustedDocumentsMode,
    /// The manifest: a file path, or an `http://` or `https://` URL. Apollo's persisted
    /// query manifest or Relay's `{id: text}` map. Needed by every mode but `off`.
    pub manifest: Option<String>,
    /// Look at the manifest again every `poll_interval_ms` and load it when it changed.
    pub hot_reload: bool,
    pub poll_interval_ms: u64,
}

impl Default for TrustedDocumentsSettings {
    fn default() -> Self {
        Self {
            mode: TrustedDocumentsMode::Off,
            manifest: None,
            hot_reload: true,
            poll_interval_ms: 2_000,
        }
    }
}

impl TrustedDocumentsSettings {
    pub fn is_enabled(&self) -> bool {
        self.mode != TrustedDocumentsMode::Off
    }

    /// The manifest as an URL, when it is one.
    pub fn manifest_url(&self) -> Option<&str> {
        self.manifest
            .as_deref()
            .filter(|m| m.starts_with("http://") || m.starts_with("https://"))
    }
}

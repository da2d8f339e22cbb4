//! Authentication settings (the HS256 secret stays `GatewaySettings::jwt_secret`).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// How tokens are found and verified, and what each `@policy` requires.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuthSettings {
    /// A JSON Web Key Set file (RS256, ES256, EdDSA keys); none by default.
    pub jwks_file: Option<PathBuf>,
    /// A JSON Web Key Set URL (`http://` or `https://`); none by default.
    pub jwks_url: Option<String>,
    /// Re-read the key set after this many seconds (default 300).
    pub jwks_refresh_secs: u64,
    /// A token whose `kid` is not in the set re-reads it, at most once per this many
    /// milliseconds (default 10,000), so forged `kid`s cannot hammer the key server.
    pub jwks_unknown_kid_cooldown_ms: u64,
    /// Accepted `iss` values; empty (the default) accepts any issuer.
    pub issuers: Vec<String>,
    /// Accepted `aud` values; empty (the default) checks no audience.
    pub audiences: Vec<String>,
    /// The header that carries the token (default `authorization`).
    pub header: String,
    /// What precedes the token in that header (default `Bearer`); empty: the whole value.
    pub header_prefix: String,
    /// A cookie that carries the token when the header is absent; none by default.
    pub cookie: Option<String>,
    /// `@policy` names → the claims each requires: `{"claim": "value"}` (equal, or one of an
    /// array claim or of a space-separated string claim), `{"claim": ["a", "b"]}` (all of
    /// them), `true`/numbers (equal). `a.b` reads a nested claim. A policy not listed here is
    /// never granted. None by default.
    pub policies: BTreeMap<String, BTreeMap<String, serde_json::Value>>,
}

impl Default for AuthSettings {
    fn default() -> Self {
        Self {
            jwks_file: None,
            jwks_url: None,
            jwks_refresh_secs: 300,
            jwks_unknown_kid_cooldown_ms: 10_000,
            issuers: Vec::new(),
            audiences: Vec::new(),
            header: "authorization".into(),
            header_prefix: "Bearer".into(),
            cookie: None,
            policies: BTreeMap::new(),
        }
    }
}

impl AuthSettings {
    /// Sets one `KEY=VALUE` (the `--auth` flag); VALUE is JSON for lists and maps, text otherwise.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (key, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}` is not KEY=VALUE"))?;
        let json = |value: &str| -> Result<serde_json::Value, String> {
            serde_json::from_str(value)
                .or_else(|_| Ok::<_, String>(serde_json::Value::String(value.to_string())))
        };
        let mut current =
            serde_json::to_value(&*self).map_err(|e| format!("cannot read the settings: {e}"))?;
        let key = key.trim();
        if let Some(policy) = key.strip_prefix("policies.") {
            current["policies"][policy] = json(value)?;
        } else {
            current[key] = json(value)?;
        }
        *self = serde_json::from_value(current)
            .map_err(|e| format!("`{assignment}`: {e} (keys: README, \"Security\")"))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignments_set_keys_and_policies_and_refuse_unknown_keys() {
        let mut settings = AuthSettings::default();
        settings.set("issuers=[\"https://id.example\"]").unwrap();
        settings.set("cookie=session").unwrap();
        settings
            .set("policies.caseworker={\"role\":\"caseworker\"}")
            .unwrap();
        assert_eq!(settings.issuers, vec!["https://id.example".to_string()]);
        assert_eq!(settings.cookie.as_deref(), Some("session"));
        assert_eq!(
            settings.policies["caseworker"]["role"],
            serde_json::json!("caseworker")
        );
        let error = settings.set("isuers=[]").unwrap_err();
        assert!(error.contains("unknown field `isuers`"), "{error}");
    }
}

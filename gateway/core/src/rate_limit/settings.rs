//! Rate-limit settings: a global bucket, a bucket per client, and how a client is recognised.

use serde::{Deserialize, Serialize};

/// A token bucket: `per_second` tokens flow in, at most `burst` are kept; a request takes one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BucketSettings {
    pub per_second: f64,
    pub burst: u32,
}

/// Where a client's identity is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClientKey {
    /// The `sub` claim of a token the gateway verifies, as authentication does (the HS256
    /// `jwt_secret` or the `auth` key set); a token that does not verify names nobody.
    JwtSubject,
    /// The `client_name_header` header.
    ClientName,
    /// The `api_key_header` header (kept only as a hash).
    ApiKey,
    /// The peer's IP address.
    Ip,
}

impl ClientKey {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::JwtSubject => "jwt_subject",
            Self::ClientName => "client_name",
            Self::ApiKey => "api_key",
            Self::Ip => "ip",
        }
    }
}

/// Rate limits of incoming requests; none by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct RateLimitSettings {
    /// One bucket for all requests together.
    pub global: Option<BucketSettings>,
    /// One bucket per client.
    pub per_client: Option<BucketSettings>,
    /// How a client is recognised: the first of these the request carries wins.
    pub client_keys: Vec<ClientKey>,
    pub client_name_header: String,
    pub api_key_header: String,
    /// How long a decision may wait for Redis before the local buckets decide instead.
    pub redis_timeout_ms: u64,
}

impl Default for RateLimitSettings {
    fn default() -> Self {
        Self {
            global: None,
            per_client: None,
            client_keys: vec![
                ClientKey::JwtSubject,
                ClientKey::ClientName,
                ClientKey::ApiKey,
                ClientKey::Ip,
            ],
            client_name_header: "apollographql-client-name".into(),
            api_key_header: "x-api-key".into(),
            redis_timeout_ms: 100,
        }
    }
}

impl RateLimitSettings {
    pub fn is_enabled(&self) -> bool {
        self.global.is_some() || self.per_client.is_some()
    }

    /// Applies `KEY=VALUE` as the `--rate-limit` flag gives it (VALUE in JSON where it is not
    /// a plain word, e.g. `per_client={"per_second":5,"burst":10}`); the error names the key.
    pub fn set(&mut self, assignment: &str) -> Result<(), String> {
        let (key, value) = assignment
            .split_once('=')
            .ok_or_else(|| format!("`{assignment}` is not KEY=VALUE"))?;
        let value: serde_json::Value = serde_json::from_str(value)
            .unwrap_or_else(|_| serde_json::Value::String(value.to_string()));
        let invalid = |e: serde_json::Error| format!("`{assignment}`: {e}");
        let mut current = serde_json::to_value(&*self).map_err(invalid)?;
        current[key] = value;
        *self = serde_json::from_value(current).map_err(invalid)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_set_buckets_and_key_order_and_unknown_keys_are_named() {
        let mut settings = RateLimitSettings::default();
        settings
            .set(r#"per_client={"per_second":5,"burst":10}"#)
            .expect("valid");
        settings
            .set(r#"client_keys=["api_key","ip"]"#)
            .expect("valid");
        assert_eq!(
            settings,
            RateLimitSettings {
                per_client: Some(BucketSettings {
                    per_second: 5.0,
                    burst: 10
                }),
                client_keys: vec![ClientKey::ApiKey, ClientKey::Ip],
                ..RateLimitSettings::default()
            }
        );
        let error = settings.set("per_clinet=1").expect_err("unknown key");
        assert!(error.contains("per_clinet"), "{error}");
    }
}

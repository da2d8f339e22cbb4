//! Finding the caller's token (a header or a cookie) and verifying it: HS256 with the shared
//! secret, RS256/ES256/EdDSA (and the other asymmetric algorithms) with the JWKS; then the
//! issuer, the audience and the expiry; then scopes and policies from the claims.

use super::jwks::{JwksSource, KeyStore};
use super::{AuthError, AuthSettings, Caller, Identity, policy};
use http::HeaderMap;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::time::Duration;

/// The header that names the client application, for the audit trail.
const CLIENT_NAME_HEADER: &str = "apollographql-client-name";

/// Verifies tokens as the settings say.
pub struct Authenticator {
    secret: Option<String>,
    keys: Option<KeyStore>,
    settings: AuthSettings,
}

impl Authenticator {
    /// Refuses settings that cannot work (two key sources, a key set URL that is not http(s)).
    pub fn new(secret: Option<String>, settings: AuthSettings) -> Result<Self, String> {
        let refresh = Duration::from_secs(settings.jwks_refresh_secs);
        let cooldown = Duration::from_millis(settings.jwks_unknown_kid_cooldown_ms);
        let source = match (&settings.jwks_file, &settings.jwks_url) {
            (Some(_), Some(_)) => {
                return Err("set `jwks_file` or `jwks_url`, not both".into());
            }
            (Some(path), None) => Some(JwksSource::File(path.clone())),
            (None, Some(url)) if url.starts_with("http://") || url.starts_with("https://") => {
                Some(JwksSource::Url(url.clone()))
            }
            (None, Some(url)) => {
                return Err(format!(
                    "jwks_url `{url}` is not an http:// or https:// URL (a file is `jwks_file`)"
                ));
            }
            (None, None) => None,
        };
        Ok(Self {
            secret,
            keys: source.map(|source| KeyStore::new(source, refresh, cooldown)),
            settings,
        })
    }

    /// The key set, when one is configured.
    pub fn key_store(&self) -> Option<&KeyStore> {
        self.keys.as_ref()
    }

    /// The caller of a request. No token: anonymous. A token that fails any check: an error.
    pub async fn authenticate(&self, headers: &HeaderMap) -> Result<(Caller, Identity), AuthError> {
        let client_name = headers
            .get(CLIENT_NAME_HEADER)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        let anonymous = |client_name| {
            Ok((
                Caller::default(),
                Identity {
                    subject: None,
                    client_name,
                },
            ))
        };
        let Some(token) = self.token(headers)? else {
            return anonymous(client_name);
        };
        // Nothing configured to verify with: no token can be checked, so every caller is
        // anonymous (fields under @requiresScopes/@authenticated/@policy are refused), whatever
        // the token looks like.
        if self.secret.is_none() && self.keys.is_none() {
            return anonymous(client_name);
        }
        let header = jsonwebtoken::decode_header(token)
            .map_err(|e| AuthError::InvalidToken(e.to_string()))?;
        let (key, algorithm) = match header.alg {
            Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => match &self.secret {
                Some(secret) => (DecodingKey::from_secret(secret.as_bytes()), header.alg),
                // No secret: HS256 tokens cannot be checked, so their callers stay anonymous.
                None if self.keys.is_none() => return anonymous(client_name),
                None => {
                    return Err(AuthError::InvalidToken(format!(
                        "{:?} tokens are not accepted: no shared secret is configured",
                        header.alg
                    )));
                }
            },
            algorithm => {
                let Some(keys) = &self.keys else {
                    if self.secret.is_none() {
                        return anonymous(client_name);
                    }
                    return Err(AuthError::InvalidToken(format!(
                        "{algorithm:?} tokens need a JSON Web Key Set (`jwks_file` or `jwks_url`)"
                    )));
                };
                let key = keys.key(header.kid.as_deref()).await?;
                if key.algorithm.is_some_and(|a| a != algorithm) {
                    return Err(AuthError::InvalidToken(format!(
                        "the token is signed with {algorithm:?}, but its key is for {:?}",
                        key.algorithm.unwrap_or(algorithm)
                    )));
                }
                (key.key, algorithm)
            }
        };
        let claims = self.verify(token, &key, algorithm)?;
        let subject = claims
            .get("sub")
            .and_then(Value::as_str)
            .map(str::to_string);
        Ok((
            Caller {
                authenticated: true,
                scopes: scopes(&claims),
                policies: policy::granted(&self.settings.policies, &claims),
            },
            Identity {
                subject,
                client_name,
            },
        ))
    }

    fn verify(
        &self,
        token: &str,
        key: &DecodingKey,
        algorithm: Algorithm,
    ) -> Result<Map<String, Value>, AuthError> {
        let mut validation = Validation::new(algorithm);
        validation.required_spec_claims.clear();
        validation.validate_exp = true;
        if !self.settings.issuers.is_empty() {
            validation.set_issuer(&self.settings.issuers);
            validation.required_spec_claims.insert("iss".into());
        }
        if self.settings.audiences.is_empty() {
            validation.validate_aud = false;
        } else {
            validation.set_audience(&self.settings.audiences);
            validation.required_spec_claims.insert("aud".into());
        }
        jsonwebtoken::decode::<Map<String, Value>>(token, key, &validation)
            .map(|data| data.claims)
            .map_err(|e| AuthError::InvalidToken(e.to_string()))
    }

    /// The token from the configured header, else from the configured cookie.
    fn token<'a>(&self, headers: &'a HeaderMap) -> Result<Option<&'a str>, AuthError> {
        if let Some(value) = headers.get(self.settings.header.as_str()) {
            let malformed = || {
                AuthError::MalformedHeader(
                    self.settings.header.clone(),
                    self.settings.header_prefix.clone(),
                )
            };
            let value = value.to_str().map_err(|_| malformed())?.trim();
            let prefix = self.settings.header_prefix.as_str();
            if prefix.is_empty() {
                return Ok(Some(value));
            }
            let token = value
                .get(..prefix.len())
                .filter(|head| head.eq_ignore_ascii_case(prefix))
                .and_then(|_| value[prefix.len()..].strip_prefix(' '))
                .ok_or_else(malformed)?;
            return Ok(Some(token.trim()));
        }
        let Some(cookie) = &self.settings.cookie else {
            return Ok(None);
        };
        Ok(headers
            .get_all(http::header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| name == cookie)
            .map(|(_, value)| value.trim_matches('"')))
    }
}

/// Scopes from `scope` (space-separated, OAuth 2), `scp` (a string or a list) and `scopes`.
fn scopes(claims: &Map<String, Value>) -> BTreeSet<String> {
    let mut scopes = BTreeSet::new();
    for name in ["scope", "scp", "scopes"] {
        match claims.get(name) {
            Some(Value::String(text)) => {
                scopes.extend(text.split_whitespace().map(str::to_string));
            }
            Some(Value::Array(items)) => {
                scopes.extend(items.iter().filter_map(Value::as_str).map(str::to_string));
            }
            _ => {}
        }
    }
    scopes
}

/// Verifies `Authorization: Bearer <JWT>` with an HS256 `secret` (tests and tools that hold
/// one header). No header or no secret: an anonymous caller.
pub fn caller_from_header(header: Option<&str>, secret: Option<&str>) -> Result<Caller, AuthError> {
    let Some(header) = header else {
        return Ok(Caller::default());
    };
    let token = header
        .strip_prefix("Bearer ")
        .ok_or_else(|| AuthError::MalformedHeader("Authorization".into(), "Bearer".into()))?
        .trim();
    let Some(secret) = secret else {
        return Ok(Caller::default());
    };
    let authenticator = Authenticator::new(Some(secret.to_string()), AuthSettings::default())
        .map_err(AuthError::InvalidToken)?;
    let key = DecodingKey::from_secret(secret.as_bytes());
    let claims = authenticator.verify(token, &key, Algorithm::HS256)?;
    Ok(Caller {
        authenticated: true,
        scopes: scopes(&claims),
        policies: BTreeSet::new(),
    })
}

//! Callers, JWT scopes, and the guard for personal data.
//!
//! Callers present `Authorization: Bearer <JWT>` (HS256, secret from `QUNTUAN_JWT_SECRET`,
//! claim `scope` = space-separated scopes). A request without the header is anonymous: it
//! may read aggregates but no protected field. A protected field is marked in the SDL with
//! `#[graphql(requires_scopes = "youth:personal")]` (so the gateway can enforce it) and
//! checked here again with [`reveal`], which also writes the audit log.

use std::collections::BTreeSet;
use std::time::{SystemTime, UNIX_EPOCH};

use async_graphql::Context;
use axum::http::HeaderMap;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use crate::error::ApiError;

pub const JWT_SECRET_ENV: &str = "QUNTUAN_JWT_SECRET";
pub const DEFAULT_JWT_SECRET: &str = "quntuan-dev-secret";
/// Unlocks disability category and grade.
pub const DISABILITY_SENSITIVE: &str = "disability:sensitive";

/// Who is asking, as far as this subgraph knows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Caller {
    pub subject: Option<String>,
    scopes: BTreeSet<String>,
}

impl Caller {
    pub fn anonymous() -> Caller {
        Caller::default()
    }

    pub fn new(subject: impl Into<String>, scopes: &[&str]) -> Caller {
        Caller {
            subject: Some(subject.into()),
            scopes: scopes.iter().map(|s| s.to_string()).collect(),
        }
    }

    pub fn has_scope(&self, scope: &str) -> bool {
        self.scopes.contains(scope)
    }

    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scopes.iter().map(String::as_str)
    }

    /// The subject for logs (`anonymous` when there is none).
    pub fn subject_or_anonymous(&self) -> &str {
        self.subject.as_deref().unwrap_or("anonymous")
    }
}

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    sub: Option<String>,
    #[serde(default)]
    scope: String,
    exp: u64,
}

/// Why a bearer token was refused.
#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    #[error("the Authorization header must be `Bearer <token>`")]
    MalformedHeader,
    #[error("the bearer token is invalid: {0}")]
    InvalidToken(#[from] jsonwebtoken::errors::Error),
}

/// Verifies HS256 tokens with one shared secret.
#[derive(Clone)]
pub struct JwtVerifier {
    key: DecodingKey,
    validation: Validation,
}

impl JwtVerifier {
    pub fn new(secret: &str) -> JwtVerifier {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.validate_aud = false;
        JwtVerifier {
            key: DecodingKey::from_secret(secret.as_bytes()),
            validation,
        }
    }

    /// Secret from `QUNTUAN_JWT_SECRET`, else the development default.
    pub fn from_env() -> JwtVerifier {
        let secret =
            std::env::var(JWT_SECRET_ENV).unwrap_or_else(|_| DEFAULT_JWT_SECRET.to_string());
        JwtVerifier::new(&secret)
    }

    pub fn verify(&self, token: &str) -> Result<Caller, AuthError> {
        let data = jsonwebtoken::decode::<Claims>(token, &self.key, &self.validation)?;
        Ok(Caller {
            subject: data.claims.sub,
            scopes: data
                .claims
                .scope
                .split_whitespace()
                .map(str::to_string)
                .collect(),
        })
    }

    /// The caller of a request: anonymous without an `Authorization` header.
    pub fn caller_from_headers(&self, headers: &HeaderMap) -> Result<Caller, AuthError> {
        let Some(value) = headers.get(axum::http::header::AUTHORIZATION) else {
            return Ok(Caller::anonymous());
        };
        let value = value.to_str().map_err(|_| AuthError::MalformedHeader)?;
        let token = value
            .strip_prefix("Bearer ")
            .or_else(|| value.strip_prefix("bearer "))
            .ok_or(AuthError::MalformedHeader)?;
        self.verify(token.trim())
    }
}

/// Issues an HS256 token (for tests, the CLI and local development).
pub fn issue_token(
    secret: &str,
    subject: &str,
    scopes: &[&str],
    ttl_seconds: u64,
) -> Result<String, jsonwebtoken::errors::Error> {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let claims = Claims {
        sub: Some(subject.to_string()),
        scope: scopes.join(" "),
        exp: now + ttl_seconds,
    };
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
}

/// The caller stored in the request data (anonymous when the server did not set one,
/// e.g. in a test that executes the schema directly).
pub fn caller<'a>(ctx: &'a Context<'_>) -> std::borrow::Cow<'a, Caller> {
    match ctx.data_opt::<Caller>() {
        Some(c) => std::borrow::Cow::Borrowed(c),
        None => std::borrow::Cow::Owned(Caller::anonymous()),
    }
}

/// Checks that the caller holds `scope` before a protected value of record `record_id` is
/// used, and writes the audit log (target `audit`) either way. `field` names the field,
/// e.g. `"YouthVolunteer.name"`. Refusal is a `FORBIDDEN` error. For a field resolver use
/// [`reveal`], which answers `null` plus the error as the contract asks.
pub fn require_scope(
    ctx: &Context<'_>,
    scope: &str,
    field: &str,
    record_id: &str,
) -> Result<(), ApiError> {
    let caller = caller(ctx);
    let subject = caller.subject_or_anonymous();
    if caller.has_scope(scope) {
        tracing::info!(target: "audit", field, record_id, subject, scope, "protected field read");
        Ok(())
    } else {
        tracing::warn!(target: "audit", field, record_id, subject, scope, "protected field refused");
        Err(ApiError::forbidden(format!(
            "`{field}` requires the scope `{scope}`"
        )))
    }
}

/// The guard of a protected field: serves `value()` when the caller holds `scope`,
/// otherwise answers `null` and adds a `FORBIDDEN` error at the field's path. Either way it
/// writes the audit log (target `audit`) naming `field` (e.g. `"YouthVolunteer.name"`),
/// `record_id` and the caller's subject. The field must be nullable (`Option<T>`) and be
/// marked `#[graphql(requires_scopes = "...")]` so the SDL carries `@requiresScopes`.
///
/// (async-graphql leaves a field that returned `Err` out of the response altogether, so
/// the error is added to the context here and the field itself resolves to `null`.)
pub fn reveal<T>(
    ctx: &Context<'_>,
    scope: &str,
    field: &str,
    record_id: &str,
    value: impl FnOnce() -> T,
) -> Option<T> {
    match require_scope(ctx, scope, field, record_id) {
        Ok(()) => Some(value()),
        Err(err) => {
            let server_error = err.into_graphql().into_server_error(ctx.item.pos);
            ctx.add_error(ctx.set_error_path(server_error));
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn verifies_issued_tokens_and_reads_scopes() -> Result<(), Box<dyn std::error::Error>> {
        let token = issue_token(
            "s3cret",
            "alice",
            &["youth:personal", "disability:sensitive"],
            60,
        )?;
        let caller = JwtVerifier::new("s3cret").verify(&token)?;
        assert_eq!(
            caller,
            Caller::new("alice", &["disability:sensitive", "youth:personal"])
        );
        assert!(JwtVerifier::new("other").verify(&token).is_err());
        Ok(())
    }

    #[test]
    fn reads_the_authorization_header() -> Result<(), Box<dyn std::error::Error>> {
        let verifier = JwtVerifier::new("k");
        let mut headers = HeaderMap::new();
        assert_eq!(verifier.caller_from_headers(&headers)?, Caller::anonymous());
        headers.insert("authorization", HeaderValue::from_static("Basic abc"));
        assert!(matches!(
            verifier.caller_from_headers(&headers),
            Err(AuthError::MalformedHeader)
        ));
        let token = issue_token("k", "bob", &["unions:personal"], 60)?;
        headers.insert(
            "authorization",
            HeaderValue::from_str(&format!("Bearer {token}"))?,
        );
        assert!(
            verifier
                .caller_from_headers(&headers)?
                .has_scope("unions:personal")
        );
        Ok(())
    }

    #[test]
    fn expired_tokens_are_refused() -> Result<(), Box<dyn std::error::Error>> {
        let claims = Claims {
            sub: None,
            scope: String::new(),
            exp: 1,
        };
        let token =
            jsonwebtoken::encode(&Header::default(), &claims, &EncodingKey::from_secret(b"k"))?;
        assert!(JwtVerifier::new("k").verify(&token).is_err());
        Ok(())
    }
}

//! Who a request comes from, for its per-client bucket: the first configured source it carries.

use super::settings::{ClientKey, RateLimitSettings};
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, header};
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::net::SocketAddr;

/// The client's bucket name, e.g. `client_name:dashboard`; `None` when no source matches.
pub fn identify<B>(
    request: &Request<B>,
    settings: &RateLimitSettings,
    jwt_secret: Option<&str>,
) -> Option<String> {
    let headers = request.headers();
    settings.client_keys.iter().find_map(|key| {
        let value = match key {
            ClientKey::JwtSubject => jwt_subject(headers, jwt_secret?)?,
            ClientKey::ClientName => header_text(headers, &settings.client_name_header)?,
            ClientKey::ApiKey => {
                let key = header_text(headers, &settings.api_key_header)?;
                // Buckets never hold the key itself, in memory or in Redis.
                let digest = Sha256::digest(key.as_bytes());
                digest[..12].iter().map(|b| format!("{b:02x}")).collect()
            }
            ClientKey::Ip => request
                .extensions()
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0.ip().to_string())?,
        };
        Some(format!("{}:{value}", key.as_str()))
    })
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

#[derive(Deserialize)]
struct Subject {
    sub: Option<String>,
}

/// The `sub` of a bearer token that verifies with `secret`; an unverified token names nobody.
fn jwt_subject(headers: &HeaderMap, secret: &str) -> Option<String> {
    let token = headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")?
        .trim();
    let mut validation = jsonwebtoken::Validation::new(jsonwebtoken::Algorithm::HS256);
    validation.required_spec_claims.clear();
    let data = jsonwebtoken::decode::<Subject>(
        token,
        &jsonwebtoken::DecodingKey::from_secret(secret.as_bytes()),
        &validation,
    )
    .ok()?;
    data.claims.sub
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn request(headers: &[(&str, &str)], peer: Option<&str>) -> Request<()> {
        let mut builder = Request::post("/graphql");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut request = builder.body(()).expect("a request");
        if let Some(peer) = peer {
            let address: SocketAddr = peer.parse().expect("an address");
            request.extensions_mut().insert(ConnectInfo(address));
        }
        request
    }

    fn token(secret: &str, subject: &str) -> String {
        let claims = serde_json::json!({ "sub": subject });
        let token = jsonwebtoken::encode(
            &jsonwebtoken::Header::default(),
            &claims,
            &jsonwebtoken::EncodingKey::from_secret(secret.as_bytes()),
        )
        .expect("a token");
        format!("Bearer {token}")
    }

    #[test]
    fn the_first_configured_source_the_request_carries_wins() {
        let settings = RateLimitSettings::default();
        let bearer = token("s3cret", "user-7");
        let all = [
            ("authorization", bearer.as_str()),
            ("apollographql-client-name", "dashboard"),
            ("x-api-key", "k"),
        ];
        let peer = Some("127.0.0.1:5000");
        let id =
            |headers: &[(&str, &str)], secret| identify(&request(headers, peer), &settings, secret);
        assert_eq!(
            id(&all, Some("s3cret")).as_deref(),
            Some("jwt_subject:user-7")
        );
        assert_eq!(
            id(&all, Some("other secret")).as_deref(),
            Some("client_name:dashboard"),
            "a token that does not verify names nobody"
        );
        assert_eq!(
            id(&all[2..], None).as_deref(),
            Some("api_key:8254c329a92850f6d539dd37"),
            "API keys only as a hash"
        );
        assert_eq!(id(&[], None).as_deref(), Some("ip:127.0.0.1"));
        assert_eq!(identify(&request(&[], None), &settings, None), None);
    }
}

//! Who a request comes from, for its per-client bucket: the first configured source it carries.

use super::settings::{ClientKey, RateLimitSettings};
use crate::auth::Authenticator;
use axum::http::HeaderMap;
use sha2::{Digest, Sha256};
use std::net::IpAddr;

/// The client's bucket name, e.g. `client_name:dashboard`; `None` when no source matches.
/// `peer`: the address the request came from, when the server records it.
pub async fn identify(
    headers: &HeaderMap,
    peer: Option<IpAddr>,
    settings: &RateLimitSettings,
    authenticator: &Authenticator,
) -> Option<String> {
    for key in &settings.client_keys {
        let value = match key {
            ClientKey::JwtSubject => jwt_subject(headers, authenticator).await,
            ClientKey::ClientName => header_text(headers, &settings.client_name_header),
            ClientKey::ApiKey => header_text(headers, &settings.api_key_header).map(|key| {
                // Buckets never hold the key itself, in memory or in Redis.
                let digest = Sha256::digest(key.as_bytes());
                digest[..12].iter().map(|b| format!("{b:02x}")).collect()
            }),
            ClientKey::Ip => peer.map(|ip| ip.to_string()),
        };
        if let Some(value) = value {
            return Some(format!("{}:{value}", key.as_str()));
        }
    }
    None
}

fn header_text(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
}

/// The `sub` of the token authentication verifies (where it looks for one, with the secret or
/// the key set, issuer and audience checked); a token that does not verify names nobody.
async fn jwt_subject(headers: &HeaderMap, authenticator: &Authenticator) -> Option<String> {
    let (_, identity) = authenticator.authenticate(headers).await.ok()?;
    identity.subject
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::AuthSettings;

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    name.parse().expect("a header name"),
                    value.parse().expect("a header value"),
                )
            })
            .collect()
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

    fn authenticator(secret: Option<&str>) -> Authenticator {
        Authenticator::new(secret.map(str::to_string), AuthSettings::default())
            .expect("valid settings")
    }

    #[tokio::test]
    async fn the_first_configured_source_the_request_carries_wins() {
        let settings = RateLimitSettings::default();
        let bearer = token("s3cret", "user-7");
        let all = [
            ("authorization", bearer.as_str()),
            ("apollographql-client-name", "dashboard"),
            ("x-api-key", "k"),
        ];
        let peer = "127.0.0.1".parse().ok();
        let id = async |pairs: &[(&str, &str)], secret| {
            identify(&headers(pairs), peer, &settings, &authenticator(secret)).await
        };
        assert_eq!(
            id(&all, Some("s3cret")).await.as_deref(),
            Some("jwt_subject:user-7")
        );
        assert_eq!(
            id(&all, Some("other secret")).await.as_deref(),
            Some("client_name:dashboard"),
            "a token that does not verify names nobody"
        );
        assert_eq!(
            id(&all[2..], None).await.as_deref(),
            Some("api_key:8254c329a92850f6d539dd37"),
            "API keys only as a hash"
        );
        assert_eq!(id(&[], None).await.as_deref(), Some("ip:127.0.0.1"));
        assert_eq!(
            identify(&headers(&[]), None, &settings, &authenticator(None)).await,
            None
        );
    }
}

//! Cross-origin resource sharing (CORS), by configuration.
//!
//! Closed by default: with no allowed origin the gateway sends no CORS header, so a browser
//! refuses to hand a cross-origin page the answer (and refuses to send a preflighted request
//! at all). Same-origin pages (GraphiQL, the dashboard) need none. When origins are listed,
//! the layer answers preflights (`OPTIONS`) itself, ahead of the CSRF check, and adds the
//! headers to every answer for an allowed origin.

use axum::Router;
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::response::Response;
use serde::Deserialize;
use std::time::Duration;
use tower_http::cors::{AllowOrigin, CorsLayer};

/// CORS settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CorsSettings {
    /// Origins allowed to read answers, exactly as a browser sends them
    /// (`https://app.example.org`), or `["*"]` for any origin (without credentials).
    /// Default: none (CORS closed).
    pub allowed_origins: Vec<String>,
    /// Let browsers send cookies and HTTP authentication cross-origin (default: off).
    pub allow_credentials: bool,
    /// Request headers a cross-origin page may send (default: content-type, authorization,
    /// apollo-require-preflight, x-quntuan-csrf, apollographql-client-name,
    /// apollographql-client-version).
    pub allowed_headers: Vec<String>,
    /// Response headers a cross-origin page may read, beyond the CORS-safelisted ones
    /// (default: none).
    pub exposed_headers: Vec<String>,
    /// How long a browser may cache a preflight's answer, in seconds (default 600).
    pub max_age_seconds: u64,
}

impl Default for CorsSettings {
    fn default() -> Self {
        Self {
            allowed_origins: Vec::new(),
            allow_credentials: false,
            allowed_headers: [
                "content-type",
                "authorization",
                "apollo-require-preflight",
                "x-quntuan-csrf",
                "apollographql-client-name",
                "apollographql-client-version",
            ]
            .map(String::from)
            .to_vec(),
            exposed_headers: Vec::new(),
            max_age_seconds: 600,
        }
    }
}

impl CorsSettings {
    fn any_origin(&self) -> bool {
        self.allowed_origins.iter().any(|origin| origin == "*")
    }

    /// Refuses settings a browser would reject or that would not mean what they say.
    pub fn validate(&self) -> Result<(), String> {
        if self.any_origin() {
            if self.allowed_origins.len() > 1 {
                return Err(
                    "cors.allowed_origins: `*` allows every origin; list it alone, \
                     or list the origins exactly"
                        .into(),
                );
            }
            if self.allow_credentials {
                return Err("cors: `allowed_origins: [\"*\"]` cannot be combined with \
                     `allow_credentials: true` (browsers refuse credentialed answers to any \
                     origin, and it would let every site act as your users): list the allowed \
                     origins exactly, or switch credentials off"
                    .into());
            }
        }
        for origin in self.allowed_origins.iter().filter(|o| *o != "*") {
            origin_value(origin)?;
        }
        for (key, names) in [
            ("allowed_headers", &self.allowed_headers),
            ("exposed_headers", &self.exposed_headers),
        ] {
            for name in names {
                // `*` would parse as a name but means "any" to a browser: list names instead.
                let name_ok = name != "*" && HeaderName::try_from(name.as_str()).is_ok();
                name_ok.then_some(()).ok_or_else(|| {
                    format!("cors.{key}: `{name}` is not a header name (use `content-type` form, no `*`)")
                })?;
            }
        }
        Ok(())
    }

    fn layer(&self) -> Result<CorsLayer, String> {
        self.validate()?;
        let origins = if self.any_origin() {
            AllowOrigin::any()
        } else {
            let values = self
                .allowed_origins
                .iter()
                .map(|origin| origin_value(origin))
                .collect::<Result<Vec<_>, _>>()?;
            AllowOrigin::list(values)
        };
        let names = |names: &[String]| -> Vec<HeaderName> {
            names
                .iter()
                .filter_map(|name| HeaderName::try_from(name.as_str()).ok())
                .collect()
        };
        Ok(CorsLayer::new()
            .allow_origin(origins)
            .allow_methods([Method::GET, Method::POST])
            .allow_headers(names(&self.allowed_headers))
            .expose_headers(names(&self.exposed_headers))
            .allow_credentials(self.allow_credentials)
            .max_age(Duration::from_secs(self.max_age_seconds)))
    }
}

/// An origin as a browser sends it: `scheme://host[:port]`, nothing after.
fn origin_value(origin: &str) -> Result<HeaderValue, String> {
    let refuse = || {
        format!(
            "cors.allowed_origins: `{origin}` is not an origin: write it as a browser sends it, \
             `https://host` or `http://host:port`, with no path or trailing `/`"
        )
    };
    let (scheme, rest) = origin.split_once("://").ok_or_else(refuse)?;
    let well_formed = !scheme.is_empty()
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && !rest.is_empty()
        && !rest.contains(['/', '?', '#', ' ']);
    if !well_formed {
        return Err(refuse());
    }
    HeaderValue::from_str(origin).map_err(|_| refuse())
}

/// Wraps every route of `router` in CORS when origins are allowed; leaves it closed otherwise.
///
/// Panics on settings that [`CorsSettings::validate`] refuses.
pub(super) fn apply<S: Clone + Send + Sync + 'static>(
    router: Router<S>,
    settings: &CorsSettings,
) -> Router<S> {
    if settings.allowed_origins.is_empty() {
        return router;
    }
    match settings.layer() {
        Ok(layer) => router
            .layer(layer)
            .layer(axum::middleware::map_response(only_for_allowed_origins)),
        Err(message) => panic!("invalid CORS settings (validate them first): {message}"),
    }
}

/// Drops the CORS headers of an answer to an origin that is not allowed (the layer still
/// lists methods and headers there): another origin learns nothing of the configuration.
async fn only_for_allowed_origins(mut response: Response) -> Response {
    let headers = response.headers_mut();
    if !headers.contains_key(header::ACCESS_CONTROL_ALLOW_ORIGIN) {
        let names: Vec<HeaderName> = headers
            .keys()
            .filter(|name| name.as_str().starts_with("access-control-"))
            .cloned()
            .collect();
        for name in names {
            headers.remove(name);
        }
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(origins: &[&str], credentials: bool) -> CorsSettings {
        CorsSettings {
            allowed_origins: origins.iter().map(|o| o.to_string()).collect(),
            allow_credentials: credentials,
            ..CorsSettings::default()
        }
    }

    #[test]
    fn credentials_with_any_origin_and_malformed_origins_are_refused() {
        assert_eq!(with(&[], false).validate(), Ok(()));
        assert_eq!(with(&["*"], false).validate(), Ok(()));
        assert_eq!(
            with(&["https://app.example.org", "http://127.0.0.1:3000"], true).validate(),
            Ok(())
        );
        assert_eq!(
            with(&["*"], true).validate(),
            Err(
                "cors: `allowed_origins: [\"*\"]` cannot be combined with `allow_credentials: \
                 true` (browsers refuse credentialed answers to any origin, and it would let \
                 every site act as your users): list the allowed origins exactly, or switch \
                 credentials off"
                    .to_string()
            )
        );
        assert_eq!(
            with(&["https://app.example.org/"], false).validate(),
            Err(
                "cors.allowed_origins: `https://app.example.org/` is not an origin: write it \
                 as a browser sends it, `https://host` or `http://host:port`, with no path or \
                 trailing `/`"
                    .to_string()
            )
        );
        assert!(with(&["app.example.org"], false).validate().is_err());
        assert!(with(&["*", "https://a.example"], false).validate().is_err());
        let bad_header = CorsSettings {
            allowed_origins: vec!["https://a.example".into()],
            allowed_headers: vec!["*".into()],
            ..CorsSettings::default()
        };
        assert_eq!(
            bad_header.validate(),
            Err(
                "cors.allowed_headers: `*` is not a header name (use `content-type` form, no `*`)"
                    .to_string()
            )
        );
    }

    #[test]
    fn settings_refuse_unknown_keys() {
        let error = serde_json::from_str::<CorsSettings>(r#"{"allowed_origin": ["*"]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(error.contains("unknown field `allowed_origin`"), "{error}");
    }
}

//! CSRF prevention, a layer in front of the GraphQL routes.
//!
//! A browser sends a cross-site request without asking the server first (a CORS preflight)
//! only when the request is "simple": no custom header, and a content type among
//! `text/plain`, `application/x-www-form-urlencoded`, `multipart/form-data`, or none at all.
//! Such a request could carry the victim's cookies and run an operation for the attacker, so
//! the gateway refuses any request that is not certain to have been preflighted: it must have
//! a content type that is not simple, or carry one of the configured headers. GET requests
//! follow the same rule; the GraphiQL page (a browser navigation, which runs no operation) is
//! served regardless, and so is a WebSocket upgrade, which authenticates by its
//! `connection_init` alone.

use super::{ResponseMedia, graphiql, respond};
use crate::error::{ErrorCode, GraphqlError};
use crate::gateway::GraphqlResponse;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::Response;
use serde::Deserialize;
use std::sync::Arc;

/// Content types a browser may send cross-site without a preflight.
const SIMPLE_CONTENT_TYPES: &[&str] = &[
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data",
];

/// CSRF prevention settings.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CsrfSettings {
    /// Refuse requests a browser could send cross-site without a preflight (default: on).
    /// Switching it off lets any web page a user visits run operations as that user.
    pub enabled: bool,
    /// Headers whose presence proves the request was preflighted (any value), for clients that
    /// send a simple content type or none (GET). Default: `x-quntuan-csrf` and
    /// `apollo-require-preflight` (what Apollo clients send).
    pub required_headers: Vec<String>,
}

impl Default for CsrfSettings {
    fn default() -> Self {
        Self {
            enabled: true,
            required_headers: vec!["x-quntuan-csrf".into(), "apollo-require-preflight".into()],
        }
    }
}

impl CsrfSettings {
    /// Whether a request with these headers was certainly preflighted by a browser.
    pub fn is_preflighted(&self, headers: &HeaderMap) -> bool {
        let has_required_header = self
            .required_headers
            .iter()
            .any(|name| headers.contains_key(name.as_str()));
        has_required_header || has_non_simple_content_type(headers)
    }
}

/// True when every `content-type` header names a type that is not simple. A missing or
/// unreadable content type counts as simple: a browser could have sent it.
fn has_non_simple_content_type(headers: &HeaderMap) -> bool {
    let mut values = headers.get_all(header::CONTENT_TYPE).iter().peekable();
    values.peek().is_some()
        && values.all(|value| {
            let Ok(text) = value.to_str() else {
                return false;
            };
            let essence = text.split(';').next().unwrap_or("").trim();
            !essence.is_empty()
                && !SIMPLE_CONTENT_TYPES
                    .iter()
                    .any(|simple| essence.eq_ignore_ascii_case(simple))
        })
}

/// The layer: passes preflighted requests (and the GraphiQL page) on, refuses the rest with
/// 400 and `CSRF_ERROR`.
pub(super) async fn layer(
    State(settings): State<Arc<CsrfSettings>>,
    request: Request,
    next: Next,
) -> Response {
    let is_page = request.method() == Method::GET && graphiql::wanted(request.headers());
    // A WebSocket never reads the upgrade's cookies (`socket`): a cross-site one gets nothing.
    let is_socket = request.method() == Method::GET && super::socket::is_upgrade(request.headers());
    if !settings.enabled || is_page || is_socket || settings.is_preflighted(request.headers()) {
        return next.run(request).await;
    }
    let headers = settings.required_headers.join("`, `");
    let message = format!(
        "this request was refused as a possible cross-site request forgery (CSRF): send it with \
         a `content-type` other than text/plain, application/x-www-form-urlencoded or \
         multipart/form-data (for example application/json), or with one of the headers `{headers}`"
    );
    let response =
        GraphqlResponse::request_errors(vec![GraphqlError::new(message, ErrorCode::CsrfError)]);
    respond(
        ResponseMedia::from_headers(request.headers()),
        &response,
        StatusCode::BAD_REQUEST,
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_static(value));
        }
        map
    }

    #[test]
    fn only_non_simple_content_types_or_a_required_header_pass() {
        let settings = CsrfSettings::default();
        let passes =
            |pairs: &[(&'static str, &'static str)]| settings.is_preflighted(&headers(pairs));
        assert!(passes(&[("content-type", "application/json")]));
        assert!(passes(&[(
            "content-type",
            "application/json; charset=utf-8"
        )]));
        assert!(passes(&[(
            "content-type",
            "application/graphql-response+json"
        )]));
        assert!(!passes(&[]));
        assert!(!passes(&[("content-type", "")]));
        assert!(!passes(&[("content-type", "text/plain")]));
        assert!(!passes(&[("content-type", "Text/Plain; charset=utf-8")]));
        assert!(!passes(&[(
            "content-type",
            " multipart/form-data; boundary=x"
        )]));
        assert!(!passes(&[(
            "content-type",
            "application/x-www-form-urlencoded"
        )]));
        assert!(!passes(&[
            ("content-type", "application/json"),
            ("content-type", "text/plain")
        ]));
        assert!(passes(&[
            ("content-type", "text/plain"),
            ("x-quntuan-csrf", "1")
        ]));
        assert!(passes(&[("apollo-require-preflight", "")]));
        assert!(!passes(&[("x-other", "1")]));
    }

    #[test]
    fn settings_refuse_unknown_keys() {
        let parsed: Result<CsrfSettings, _> =
            serde_json::from_str(r#"{"enabled": false, "required_header": []}"#);
        let error = parsed.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains("unknown field `required_header`"), "{error}");
        let parsed: CsrfSettings =
            serde_json::from_str(r#"{"enabled": false}"#).expect("partial settings parse");
        assert_eq!(
            parsed,
            CsrfSettings {
                enabled: false,
                ..CsrfSettings::default()
            }
        );
    }
}

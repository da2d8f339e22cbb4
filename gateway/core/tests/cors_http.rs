//! CORS over real HTTP: closed by default; with configured origins a preflight from one of
//! them is answered with the CORS headers (ahead of the CSRF check), one from any other origin
//! gets none, and an allowed origin's real request can read the answer.

#[path = "support/server.rs"]
mod server;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use quntuan_gateway::gateway::GatewaySettings;
use quntuan_gateway::http::{CorsSettings, HttpSettings};

const APP: &str = "https://app.example.org";

async fn start(cors: CorsSettings) -> String {
    let http = HttpSettings {
        cors,
        ..HttpSettings::default()
    };
    server::start(&[], GatewaySettings::default(), &http).await
}

/// Status, and the `access-control-*` and `vary` headers as sorted "name: value" lines.
async fn send(request: http::Request<Full<Bytes>>) -> (u16, Vec<String>, String) {
    let client: Client<HttpConnector, Full<Bytes>> =
        Client::builder(TokioExecutor::new()).build_http();
    let response = client.request(request).await.expect("the gateway answers");
    let status = response.status().as_u16();
    let mut lines: Vec<String> = response
        .headers()
        .iter()
        .filter(|(name, _)| name.as_str().starts_with("access-control-") || *name == "vary")
        .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap_or("?")))
        .collect();
    lines.sort();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes();
    (status, lines, String::from_utf8_lossy(&body).into_owned())
}

fn preflight(url: &str, origin: &str) -> http::Request<Full<Bytes>> {
    http::Request::options(format!("{url}/graphql"))
        .header("origin", origin)
        .header("access-control-request-method", "POST")
        .header(
            "access-control-request-headers",
            "content-type, authorization",
        )
        .body(Full::new(Bytes::new()))
        .expect("request")
}

fn configured() -> CorsSettings {
    CorsSettings {
        allowed_origins: vec![APP.into(), "http://127.0.0.1:5173".into()],
        allow_credentials: true,
        exposed_headers: vec!["x-request-id".into()],
        max_age_seconds: 120,
        ..CorsSettings::default()
    }
}

#[tokio::test]
async fn a_preflight_from_an_allowed_origin_gets_the_headers() {
    let url = start(configured()).await;
    let (status, headers, _) = send(preflight(&url, APP)).await;
    assert_eq!(status, 200);
    assert_eq!(
        headers,
        [
            "access-control-allow-credentials: true",
            "access-control-allow-headers: content-type,authorization,apollo-require-preflight,\
             x-quntuan-csrf,apollographql-client-name,apollographql-client-version",
            "access-control-allow-methods: GET,POST",
            "access-control-allow-origin: https://app.example.org",
            "access-control-max-age: 120",
            "vary: origin, access-control-request-method, access-control-request-headers",
        ]
    );

    // The real request that follows: readable by that origin, with the exposed headers.
    let request = http::Request::post(format!("{url}/graphql"))
        .header("origin", APP)
        .header("content-type", "application/json")
        .body(Full::new(Bytes::from_static(
            br#"{"query": "{ __typename }"}"#,
        )))
        .expect("request");
    let (status, headers, body) = send(request).await;
    assert_eq!(status, 200);
    assert_eq!(body, r#"{"data":{"__typename":"Query"}}"#);
    assert_eq!(
        headers,
        [
            "access-control-allow-credentials: true",
            "access-control-allow-origin: https://app.example.org",
            "access-control-expose-headers: x-request-id",
            "vary: origin, access-control-request-method, access-control-request-headers",
        ]
    );
}

#[tokio::test]
async fn a_preflight_from_another_origin_gets_no_cors_headers() {
    let url = start(configured()).await;
    let (status, headers, _) = send(preflight(&url, "https://evil.example")).await;
    assert_eq!(status, 200);
    assert_eq!(
        headers,
        ["vary: origin, access-control-request-method, access-control-request-headers"]
    );
}

#[tokio::test]
async fn by_default_cors_is_closed() {
    let url = start(CorsSettings::default()).await;
    // No CORS layer: the preflight reaches the CSRF check, which refuses a request without a
    // content type; either way the browser sees no `access-control-allow-origin`.
    let (status, headers, body) = send(preflight(&url, APP)).await;
    assert_eq!((status, headers), (400, Vec::<String>::new()));
    assert!(body.contains("CSRF_ERROR"), "{body}");
}

#[tokio::test]
async fn any_origin_without_credentials() {
    let url = start(CorsSettings {
        allowed_origins: vec!["*".into()],
        ..CorsSettings::default()
    })
    .await;
    let (status, headers, _) = send(preflight(&url, "https://anyone.example")).await;
    assert_eq!(status, 200);
    assert!(
        headers.contains(&"access-control-allow-origin: *".to_string()),
        "{headers:?}"
    );
    assert!(
        !headers
            .iter()
            .any(|h| h.starts_with("access-control-allow-credentials")),
        "{headers:?}"
    );
}

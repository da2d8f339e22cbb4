//! Reads a running subgraph's SDL through `{ _service { sdl } }` over HTTP.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use indexmap::IndexMap;
use std::time::Duration;

const QUERY: &str = r#"{"query":"query SubgraphIntrospectQuery { _service { sdl } }"}"#;
const TIMEOUT: Duration = Duration::from_secs(15);

#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    #[error("`{0}` is not an http:// URL (https is not supported for schema fetching)")]
    UnsupportedUrl(String),
    #[error("request to {url} failed: {reason}")]
    Request { url: String, reason: String },
    #[error("{url} answered HTTP {status}")]
    Status { url: String, status: u16 },
    #[error("{url} did not answer within {0:?}", TIMEOUT)]
    Timeout { url: String },
    #[error("{url} answered without `data._service.sdl`: {body}")]
    NoSdl { url: String, body: String },
    #[error("could not start the HTTP client runtime: {0}")]
    Runtime(String),
}

/// Fetches the SDL, blocking. Runs its own small runtime on a separate thread so
/// it works whether or not the caller is inside a Tokio runtime.
pub fn fetch_sdl(url: &str, headers: &IndexMap<String, String>) -> Result<String, FetchError> {
    if !url.starts_with("http://") {
        return Err(FetchError::UnsupportedUrl(url.to_string()));
    }
    let url = url.to_string();
    let headers = headers.clone();
    let handle = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| FetchError::Runtime(e.to_string()))?;
        runtime.block_on(async {
            match tokio::time::timeout(TIMEOUT, fetch(&url, &headers)).await {
                Ok(result) => result,
                Err(_) => Err(FetchError::Timeout { url: url.clone() }),
            }
        })
    });
    handle
        .join()
        .unwrap_or_else(|_| Err(FetchError::Runtime("the fetch thread panicked".into())))
}

async fn fetch(url: &str, headers: &IndexMap<String, String>) -> Result<String, FetchError> {
    let request_error = |reason: String| FetchError::Request {
        url: url.to_string(),
        reason,
    };
    let client: Client<_, Full<Bytes>> = Client::builder(TokioExecutor::new()).build_http();
    let mut builder = hyper::Request::post(url)
        .header("content-type", "application/json")
        .header("accept", "application/json");
    for (k, v) in headers {
        builder = builder.header(k.as_str(), v.as_str());
    }
    let request = builder
        .body(Full::new(Bytes::from_static(QUERY.as_bytes())))
        .map_err(|e| request_error(e.to_string()))?;
    let response = client
        .request(request)
        .await
        .map_err(|e| request_error(e.to_string()))?;
    let status = response.status();
    let body = response
        .into_body()
        .collect()
        .await
        .map_err(|e| request_error(e.to_string()))?
        .to_bytes();
    if !status.is_success() {
        return Err(FetchError::Status {
            url: url.to_string(),
            status: status.as_u16(),
        });
    }
    let json: serde_json::Value =
        serde_json::from_slice(&body).map_err(|e| request_error(format!("invalid JSON: {e}")))?;
    json.pointer("/data/_service/sdl")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .ok_or_else(|| FetchError::NoSdl {
            url: url.to_string(),
            body: String::from_utf8_lossy(&body).chars().take(300).collect(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    /// A one-shot HTTP server on 127.0.0.1 answering `body` with `status`.
    fn serve_once(status: &str, body: &'static str) -> (String, std::thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        let url = format!(
            "http://{}/graphql",
            listener.local_addr().expect("local address")
        );
        let status = status.to_string();
        let handle = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().expect("accept");
            let mut request = Vec::new();
            let mut buf = [0u8; 4096];
            // Read until the JSON body has arrived (headers end, then the body's closing brace).
            while !String::from_utf8_lossy(&request).contains("}\"}") {
                let n = stream.read(&mut buf).expect("read request");
                if n == 0 {
                    break;
                }
                request.extend_from_slice(&buf[..n]);
            }
            let response = format!(
                "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
                body.len()
            );
            stream
                .write_all(response.as_bytes())
                .expect("write response");
            String::from_utf8_lossy(&request).to_string()
        });
        (url, handle)
    }

    #[test]
    fn fetches_the_sdl_from_service_sdl() {
        let (url, server) = serve_once(
            "200 OK",
            r#"{"data":{"_service":{"sdl":"type Query { a: Int }"}}}"#,
        );
        let mut headers = IndexMap::new();
        headers.insert("x-token".to_string(), "secret".to_string());
        let sdl = fetch_sdl(&url, &headers).expect("fetch succeeds");
        assert_eq!(sdl, "type Query { a: Int }");
        let request = server.join().expect("server thread");
        assert!(request.starts_with("POST /graphql HTTP/1.1"), "{request}");
        assert!(request.contains("x-token: secret"), "{request}");
        assert!(request.contains("_service { sdl }"), "{request}");
    }

    #[test]
    fn reports_http_errors_and_missing_sdl() {
        let (url, server) = serve_once("503 Service Unavailable", "{}");
        let err = fetch_sdl(&url, &IndexMap::new()).expect_err("503 is an error");
        assert!(
            matches!(err, FetchError::Status { status: 503, .. }),
            "{err}"
        );
        server.join().expect("server thread");

        let (url, server) = serve_once("200 OK", r#"{"errors":[{"message":"no"}]}"#);
        let err = fetch_sdl(&url, &IndexMap::new()).expect_err("no sdl is an error");
        assert!(matches!(err, FetchError::NoSdl { .. }), "{err}");
        server.join().expect("server thread");

        let err = fetch_sdl("https://example.com/graphql", &IndexMap::new())
            .expect_err("https is refused");
        assert!(matches!(err, FetchError::UnsupportedUrl(_)), "{err}");
    }
}

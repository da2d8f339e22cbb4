//! A running subgraph's SDL, read with `{ _service { sdl } }` through the gateway's HTTP
//! client, so `https://` subgraphs work as the gateway's own requests do ([`crate::tls`]).
//! The composed supergraph source, `quntuan compose` and `quntuan check` read SDLs this way.

use crate::execute::{HttpTransport, SubgraphRequest, SubgraphTransport};
use bytes::Bytes;
use std::time::Duration;

const SDL_QUERY: &[u8] = br#"{"query":"query SubgraphIntrospectQuery { _service { sdl } }"}"#;

/// The SDL subgraph `name` at `url` serves, asking with `headers` and waiting at most
/// `timeout`; the error names the subgraph and what went wrong.
pub async fn fetch_service_sdl(
    transport: &HttpTransport,
    name: &str,
    url: &str,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
    timeout: Duration,
) -> Result<String, String> {
    let request = SubgraphRequest {
        service_name: name.to_string(),
        url: url.to_string(),
        body: Bytes::from_static(SDL_QUERY),
        headers,
        deduplicate: false,
        traceparent: None,
        response_headers: None,
        shared_parse: None,
    };
    let body = tokio::time::timeout(timeout, transport.send(request))
        .await
        .map_err(|_| format!("subgraph `{name}` did not answer within {timeout:?}"))?
        .map_err(|e| format!("subgraph `{name}` {e}"))?;
    let answer: serde_json::Value = serde_json::from_slice(&body)
        .map_err(|e| format!("subgraph `{name}` answered with invalid JSON: {e}"))?;
    answer
        .pointer("/data/_service/sdl")
        .and_then(|sdl| sdl.as_str())
        .map(str::to_string)
        .ok_or_else(|| format!("subgraph `{name}` gave no `_service {{ sdl }}`: {answer}"))
}

//! GraphQL over Server-Sent Events to a subgraph, distinct connections mode: one POST with
//! `accept: text/event-stream` per subscription, `event: next` carrying each result and
//! `event: complete` ending it. The client leaving drops the connection.

use super::{Events, Upstream, channel, failure, messages};
use crate::error::GraphqlError;
use crate::execute::SubgraphRequest;
use bytes::{Bytes, BytesMut};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::sync::OnceLock;

type SseClient = Client<crate::tls::Connector, Full<Bytes>>;

/// One client for every SSE subscription (connections are per subscription anyway; the
/// client only holds the TLS settings).
fn client() -> &'static SseClient {
    static CLIENT: OnceLock<SseClient> = OnceLock::new();
    CLIENT.get_or_init(|| {
        let mut http = HttpConnector::new();
        http.set_nodelay(true);
        Client::builder(TokioExecutor::new()).build(crate::tls::connector(http))
    })
}

pub(super) async fn open(url: &str, request: SubgraphRequest) -> Result<Events, GraphqlError> {
    let service = request.service_name.clone();
    let fail = |what: String| failure(&service, what);
    let mut builder = http::Request::post(url)
        .header(http::header::CONTENT_TYPE, "application/json")
        .header(http::header::ACCEPT, "text/event-stream");
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    let http_request = builder
        .body(Full::new(request.body.clone()))
        .map_err(|e| fail(format!("could not be asked at {url}: {e}")))?;
    let response = client()
        .request(http_request)
        .await
        .map_err(|e| fail(format!("could not be reached at {url}: {e}")))?;
    let status = response.status();
    let is_stream = response
        .headers()
        .get(http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/event-stream"));
    if !status.is_success() || !is_stream {
        let body = response.into_body().collect().await.map(|b| b.to_bytes());
        let errors = body
            .ok()
            .and_then(|b| serde_json::from_slice::<serde_json::Value>(&b).ok())
            .and_then(|v| v.get("errors").cloned());
        return Err(fail(match errors {
            Some(errors) => format!("refused the subscription: {}", messages(&errors)),
            None => format!("answered HTTP {status} without an event stream"),
        }));
    }
    let (sender, events) = channel();
    tokio::spawn(async move {
        let mut body = response.into_body();
        let mut pending = BytesMut::new();
        loop {
            let frame = tokio::select! {
                () = sender.closed() => return,
                frame = body.frame() => frame,
            };
            let data = match frame {
                Some(Ok(frame)) => match frame.into_data() {
                    Ok(data) => data,
                    Err(_) => continue,
                },
                Some(Err(error)) => {
                    let what = format!("dropped the subscription's stream: {error}");
                    let _ = sender.send(Upstream::Failed(failure(&service, what))).await;
                    return;
                }
                None => {
                    let what = "closed the subscription's stream without `complete`";
                    let _ = sender.send(Upstream::Failed(failure(&service, what))).await;
                    return;
                }
            };
            pending.extend(data.iter().copied().filter(|&b| b != b'\r'));
            while let Some(end) = find(&pending, b"\n\n") {
                let block = pending.split_to(end + 2);
                match parse_event(&block) {
                    Some(("next", data)) => {
                        let delivered = sender.send(Upstream::Next(Bytes::from(data))).await;
                        if delivered.is_err() {
                            return;
                        }
                    }
                    Some(("complete", _)) => return,
                    _ => {}
                }
            }
        }
    });
    Ok(events)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// An event block's name (`message` without one) and its data lines joined; `None` for a
/// comment-only block (a heartbeat).
fn parse_event(block: &[u8]) -> Option<(&str, String)> {
    let text = std::str::from_utf8(block).ok()?;
    let mut name = None;
    let mut data: Vec<&str> = Vec::new();
    for line in text.lines() {
        if let Some(value) = line.strip_prefix("event:") {
            name = Some(value.trim());
        } else if let Some(value) = line.strip_prefix("data:") {
            data.push(value.strip_prefix(' ').unwrap_or(value));
        }
    }
    if name.is_none() && data.is_empty() {
        return None;
    }
    Some((name.unwrap_or("message"), data.join("\n")))
}

#[cfg(test)]
mod tests {
    #[test]
    fn events_are_read_by_name_and_comments_are_skipped() {
        let next = super::parse_event(b"event: next\ndata: {\"data\":1}\n\n");
        assert_eq!(next, Some(("next", "{\"data\":1}".to_string())));
        assert_eq!(super::parse_event(b": heartbeat\n\n"), None);
        let complete = super::parse_event(b"event: complete\ndata:\n\n");
        assert_eq!(complete, Some(("complete", String::new())));
    }
}

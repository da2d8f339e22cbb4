//! A client of the gateway's streaming HTTP answers: GraphQL over SSE (distinct connections)
//! and multipart subscriptions, read as they come. Shared by the gateway's subscription tests
//! and the end-to-end tests (`tests/tests/live_events.rs` includes this file).
#![allow(dead_code)]

use bytes::Bytes;
use futures::StreamExt;
use futures::stream::BoxStream;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;
use serde_json::{Value, json};

/// The `accept` of a GraphQL over SSE subscription.
pub(crate) const SSE: &str = "text/event-stream";
/// The `accept` of a multipart subscription (JSON for an answer that is not a stream).
pub(crate) const MULTIPART: &str = r#"multipart/mixed;subscriptionSpec="1.0", application/json"#;

/// A streaming response, read as it comes.
pub(crate) struct Streamed {
    body: BoxStream<'static, Bytes>,
    /// What arrived and was not read yet.
    pub(crate) text: String,
    pub(crate) content_type: String,
}

impl Streamed {
    /// POSTs `body` as JSON to `url` with `headers` (`accept` among them); the body is read
    /// as it comes (it ends at the first error).
    pub(crate) async fn post(url: &str, headers: &[(&str, &str)], body: &Value) -> Streamed {
        let client = Client::builder(TokioExecutor::new()).build_http::<Full<Bytes>>();
        let mut request = http::Request::post(url).header("content-type", "application/json");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        let request = request
            .body(Full::new(Bytes::from(body.to_string())))
            .expect("request");
        let response = client.request(request).await.expect("the gateway answers");
        let content_type = response.headers()["content-type"]
            .to_str()
            .expect("content type")
            .to_string();
        let body = response
            .into_body()
            .into_data_stream()
            .take_while(|chunk| std::future::ready(chunk.is_ok()))
            .filter_map(|chunk| std::future::ready(chunk.ok()))
            .boxed();
        Streamed {
            body,
            text: String::new(),
            content_type,
        }
    }

    /// Reads until `separator` appears; returns what came before it (`None` at the end).
    pub(crate) async fn until(&mut self, separator: &str) -> Option<String> {
        loop {
            if let Some(at) = self.text.find(separator) {
                let part = self.text[..at].to_string();
                self.text.drain(..at + separator.len());
                return Some(part);
            }
            let data = self.body.next().await?;
            self.text.push_str(&String::from_utf8_lossy(&data));
        }
    }

    /// The next SSE event as `(name, data)`, heartbeat comments skipped.
    pub(crate) async fn event(&mut self) -> Option<(String, String)> {
        loop {
            let block = self.until("\n\n").await?;
            if block.starts_with(':') {
                continue;
            }
            let mut name = String::new();
            let mut data = String::new();
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("event: ") {
                    name = v.to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data = v.trim_start().to_string();
                }
            }
            return Some((name, data));
        }
    }

    /// The next multipart part's JSON, heartbeats (`{}`) skipped; `None` after the last.
    pub(crate) async fn part(&mut self) -> Option<Value> {
        loop {
            let part = self.until("\r\n--graphql").await?;
            let Some((_, json)) = part.split_once("\r\n\r\n") else {
                if self.text.starts_with("--") {
                    return None;
                }
                continue;
            };
            let value: Value = serde_json::from_str(json).expect("a JSON part");
            if value != json!({}) {
                return Some(value);
            }
        }
    }
}

//! One export to the collector: OTLP/HTTP (`POST /v1/traces`, protobuf or JSON) or OTLP/gRPC
//! (the unary `TraceService/Export` call over HTTP/2 without TLS: a 5-byte length prefix
//! before the message, the outcome in the `grpc-status` trailer).

use crate::record::SpanRecord;
use crate::settings::{OtlpSettings, Protocol};
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use std::time::Duration;

const GRPC_PATH: &str = "/opentelemetry.proto.collector.trace.v1.TraceService/Export";
const HTTP_PATH: &str = "/v1/traces";
/// The longest one export may take; a collector that is away costs a batch, not the queue.
const EXPORT_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) struct Sender {
    client: Client<HttpConnector, Full<Bytes>>,
    url: http::Uri,
    protocol: Protocol,
    headers: Vec<(http::HeaderName, http::HeaderValue)>,
    /// The last export failed: the next failure is not logged again, a success is.
    failing: std::cell::Cell<bool>,
}

impl Sender {
    pub(crate) fn new(settings: &OtlpSettings) -> Result<Self, String> {
        let url = export_url(&settings.endpoint, settings.protocol)
            .parse::<http::Uri>()
            .map_err(|e| format!("tracing.otlp.endpoint `{}`: {e}", settings.endpoint))?;
        let mut headers = Vec::new();
        for (name, value) in &settings.headers {
            let header = http::HeaderName::try_from(name.as_str())
                .ok()
                .zip(http::HeaderValue::try_from(value.as_str()).ok())
                .ok_or_else(|| format!("tracing.otlp.headers.{name}: not a valid header"))?;
            headers.push(header);
        }
        let mut connector = HttpConnector::new();
        connector.set_nodelay(true);
        connector.set_connect_timeout(Some(Duration::from_secs(5)));
        let client = Client::builder(TokioExecutor::new())
            .http2_only(settings.protocol == Protocol::Grpc)
            .build(connector);
        Ok(Self {
            client,
            url,
            protocol: settings.protocol,
            headers,
            failing: std::cell::Cell::new(false),
        })
    }

    /// Exports `spans`, logging a failure (once until an export succeeds again).
    pub(crate) async fn export(&self, spans: Vec<SpanRecord>) {
        let outcome = tokio::time::timeout(EXPORT_TIMEOUT, self.try_export(&spans)).await;
        let outcome = outcome.unwrap_or_else(|_| Err(format!("no answer in {EXPORT_TIMEOUT:?}")));
        match outcome {
            Ok(()) => {
                if self.failing.replace(false) {
                    tracing::info!(target: "quntuan::trace", url = %self.url, "trace export works again");
                }
            }
            Err(reason) => {
                if !self.failing.replace(true) {
                    tracing::warn!(
                        target: "quntuan::trace",
                        url = %self.url,
                        spans = spans.len(),
                        "trace export failed, spans lost: {reason}"
                    );
                }
            }
        }
    }

    async fn try_export(&self, spans: &[SpanRecord]) -> Result<(), String> {
        let (content_type, body) = match self.protocol {
            Protocol::HttpJson => ("application/json", super::json::encode(spans)),
            Protocol::HttpProtobuf => ("application/x-protobuf", super::proto::encode(spans)),
            Protocol::Grpc => ("application/grpc", grpc_frame(&super::proto::encode(spans))),
        };
        let mut request =
            http::Request::post(self.url.clone()).header(http::header::CONTENT_TYPE, content_type);
        if self.protocol == Protocol::Grpc {
            request = request.header(http::header::TE, "trailers");
        }
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let request = request
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| e.to_string())?;
        let response = self
            .client
            .request(request)
            .await
            .map_err(|e| error_chain(&e))?;
        let status = response.status();
        let grpc_status_in_headers = grpc_status(response.headers());
        let collected = response
            .into_body()
            .collect()
            .await
            .map_err(|e| e.to_string())?;
        if !status.is_success() {
            return Err(format!("the collector answered HTTP {status}"));
        }
        if self.protocol == Protocol::Grpc {
            // A trailers-only answer puts the status in the headers.
            let code = grpc_status_in_headers
                .or_else(|| collected.trailers().and_then(grpc_status))
                .ok_or("the collector's answer has no grpc-status")?;
            if code != "0" {
                return Err(format!("the collector answered grpc-status {code}"));
            }
        }
        Ok(())
    }
}

/// The endpoint with the OTLP path: gRPC's method path always; `/v1/traces` for HTTP when
/// the URL names no path of its own.
fn export_url(endpoint: &str, protocol: Protocol) -> String {
    let base = endpoint.trim_end_matches('/');
    let has_path = endpoint
        .strip_prefix("http://")
        .and_then(|rest| rest.find('/').map(|at| &rest[at..]))
        .is_some_and(|path| path != "/");
    match protocol {
        Protocol::Grpc => format!("{base}{GRPC_PATH}"),
        _ if has_path => endpoint.to_string(),
        _ => format!("{base}{HTTP_PATH}"),
    }
}

/// A gRPC message: not compressed (0), its length (4 bytes, big-endian), the message.
fn grpc_frame(message: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(message.len() + 5);
    frame.push(0);
    frame.extend_from_slice(
        &u32::try_from(message.len())
            .unwrap_or(u32::MAX)
            .to_be_bytes(),
    );
    frame.extend_from_slice(message);
    frame
}

fn grpc_status(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get("grpc-status")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn error_chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        text.push_str(": ");
        text.push_str(&inner.to_string());
        source = inner.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_is_added_where_the_endpoint_has_none() {
        let http = Protocol::HttpProtobuf;
        assert_eq!(
            export_url("http://collector:4318", http),
            "http://collector:4318/v1/traces"
        );
        assert_eq!(
            export_url("http://collector:4318/", http),
            "http://collector:4318/v1/traces"
        );
        assert_eq!(
            export_url("http://collector:4318/custom/traces", http),
            "http://collector:4318/custom/traces"
        );
        assert_eq!(
            export_url("http://collector:4317", Protocol::Grpc),
            "http://collector:4317/opentelemetry.proto.collector.trace.v1.TraceService/Export"
        );
    }

    #[test]
    fn a_grpc_frame_is_a_flag_a_length_and_the_message() {
        assert_eq!(grpc_frame(b"abc"), vec![0, 0, 0, 0, 3, b'a', b'b', b'c']);
    }
}

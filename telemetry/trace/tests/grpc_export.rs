//! Spans exported by OTLP/gRPC to an in-process collector (HTTP/2 without TLS, as a
//! collector's 4317 port speaks it), decoded field by field with a minimal protobuf reader:
//! the hand-written encoding round-trips. One test per file: a process has one tracer.

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use quntuan_trace::log::JsonLines;
use quntuan_trace::{OtlpSettings, Protocol, Span, SpanKind, Status, TracingSettings};
use std::sync::{Arc, Mutex};
use tracing_subscriber::prelude::*;

/// One protobuf field's value, by wire type.
#[derive(Debug, Clone, PartialEq)]
enum Wire {
    Varint(u64),
    Fixed64(u64),
    Bytes(Vec<u8>),
}

fn varint(bytes: &[u8], at: &mut usize) -> u64 {
    let mut value = 0u64;
    let mut shift = 0;
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return value;
        }
        shift += 7;
    }
}

/// The fields of a message, in order.
fn fields(bytes: &[u8]) -> Vec<(u64, Wire)> {
    let mut at = 0;
    let mut out = Vec::new();
    while at < bytes.len() {
        let key = varint(bytes, &mut at);
        let value = match key & 7 {
            0 => Wire::Varint(varint(bytes, &mut at)),
            1 => {
                let value = u64::from_le_bytes(bytes[at..at + 8].try_into().expect("8 bytes"));
                at += 8;
                Wire::Fixed64(value)
            }
            2 => {
                let len = varint(bytes, &mut at) as usize;
                let value = bytes[at..at + len].to_vec();
                at += len;
                Wire::Bytes(value)
            }
            other => panic!("unexpected wire type {other}"),
        };
        out.push((key >> 3, value));
    }
    out
}

fn all(message: &[u8], field: u64) -> Vec<Wire> {
    fields(message)
        .into_iter()
        .filter(|(f, _)| *f == field)
        .map(|(_, v)| v)
        .collect()
}

fn one(message: &[u8], field: u64) -> Wire {
    let mut values = all(message, field);
    assert_eq!(values.len(), 1, "field {field} once");
    values.remove(0)
}

fn bytes_of(wire: Wire) -> Vec<u8> {
    match wire {
        Wire::Bytes(bytes) => bytes,
        other => panic!("not bytes: {other:?}"),
    }
}

fn text(message: &[u8], field: u64) -> String {
    String::from_utf8(bytes_of(one(message, field))).expect("utf-8")
}

/// A span's attributes as (key, AnyValue fields).
fn attributes(span: &[u8]) -> Vec<(String, Vec<(u64, Wire)>)> {
    all(span, 9)
        .into_iter()
        .map(|kv| {
            let kv = bytes_of(kv);
            (text(&kv, 1), fields(&bytes_of(one(&kv, 2))))
        })
        .collect()
}

#[tokio::test]
async fn spans_reach_a_grpc_collector_and_decode_field_by_field() {
    let received: Arc<Mutex<Vec<(HeaderMap, Bytes)>>> = Arc::default();
    let store = received.clone();
    let collector = axum::Router::new().route(
        "/opentelemetry.proto.collector.trace.v1.TraceService/Export",
        axum::routing::post(move |headers: HeaderMap, body: Bytes| async move {
            store.lock().expect("store").push((headers, body));
            // A trailers-only answer: the status in the headers, an empty response message.
            (
                StatusCode::OK,
                [("content-type", "application/grpc"), ("grpc-status", "0")],
                vec![0u8, 0, 0, 0, 0],
            )
                .into_response()
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move { axum::serve(listener, collector).await });

    let settings = TracingSettings {
        otlp: Some(OtlpSettings {
            endpoint: format!("http://{address}"),
            protocol: Protocol::Grpc,
            headers: [("x-api-key".to_string(), "secret".to_string())].into(),
        }),
        service_name: "gateway-under-test".into(),
        ..TracingSettings::default()
    };
    assert!(quntuan_trace::install(&settings).expect("installs"));
    let parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    let server = Span::server(quntuan_trace::service_name(), "request", Some(parent));
    let server_context = server.context().expect("tracing is on");
    let log = LogBuffer::default();
    let logging = tracing_subscriber::registry().with(JsonLines::new(log.clone()));
    let _logging = tracing::subscriber::set_default(logging);
    let child_context = server
        .in_scope(async {
            tracing::warn!(target: "quntuan::test", "inside the request");
            let mut child = Span::child("fetch", SpanKind::Client);
            child.set("subgraph.name", "youth");
            child.set("quntuan.fetch.position", 3usize);
            child.set("cached", true);
            child.set_error("subgraph `youth` answered HTTP 502");
            quntuan_trace::record_finished_child(
                "SELECT".into(),
                SpanKind::Client,
                std::time::Duration::from_millis(2),
                vec![("db.system", "sqlite".into())],
                Status::Unset,
            );
            child.context().expect("a context")
        })
        .await;
    drop(server);
    quntuan_trace::flush().await;

    let received = received.lock().expect("store").clone();
    assert_eq!(received.len(), 1, "one export");
    let (headers, body) = &received[0];
    assert_eq!(headers["content-type"], "application/grpc");
    assert_eq!(headers["x-api-key"], "secret");
    assert_eq!(body[0], 0, "not compressed");
    let length = u32::from_be_bytes(body[1..5].try_into().expect("4 bytes")) as usize;
    assert_eq!(length, body.len() - 5);
    let request = &body[5..];

    let resource_spans = bytes_of(one(request, 1));
    let resource = bytes_of(one(&resource_spans, 1));
    let service = bytes_of(one(&resource, 1));
    assert_eq!(text(&service, 1), "service.name");
    assert_eq!(
        fields(&bytes_of(one(&service, 2))),
        vec![(1, Wire::Bytes(b"gateway-under-test".to_vec()))]
    );
    let scope_spans = bytes_of(one(&resource_spans, 2));
    assert_eq!(text(&bytes_of(one(&scope_spans, 1)), 1), "quntuan");
    let spans: Vec<Vec<u8>> = all(&scope_spans, 2).into_iter().map(bytes_of).collect();
    // In the order they ended: the statement, the fetch, the request.
    let names: Vec<String> = spans.iter().map(|s| text(s, 5)).collect();
    assert_eq!(names, ["SELECT", "fetch", "request"]);
    let trace_id = 0x4bf92f3577b34da6a3ce929d0e0e4736u128
        .to_be_bytes()
        .to_vec();
    for span in &spans {
        assert_eq!(bytes_of(one(span, 1)), trace_id, "one trace");
    }
    let (statement, fetch, request_span) = (&spans[0], &spans[1], &spans[2]);
    assert_eq!(
        bytes_of(one(request_span, 2)),
        server_context.span_id.0.to_be_bytes().to_vec()
    );
    assert_eq!(
        bytes_of(one(request_span, 4)),
        0x00f067aa0ba902b7u64.to_be_bytes().to_vec(),
        "the client's span is the parent"
    );
    assert_eq!(one(request_span, 6), Wire::Varint(SpanKind::Server as u64));
    assert_eq!(
        bytes_of(one(fetch, 2)),
        child_context.span_id.0.to_be_bytes().to_vec()
    );
    assert_eq!(
        bytes_of(one(fetch, 4)),
        server_context.span_id.0.to_be_bytes().to_vec()
    );
    assert_eq!(one(fetch, 6), Wire::Varint(SpanKind::Client as u64));
    assert_eq!(
        bytes_of(one(statement, 4)),
        server_context.span_id.0.to_be_bytes().to_vec(),
        "the statement ran under the request span"
    );
    assert_eq!(
        attributes(fetch),
        vec![
            (
                "subgraph.name".into(),
                vec![(1, Wire::Bytes(b"youth".to_vec()))]
            ),
            ("quntuan.fetch.position".into(), vec![(3, Wire::Varint(3))]),
            ("cached".into(), vec![(2, Wire::Varint(1))]),
        ]
    );
    let status = bytes_of(one(fetch, 15));
    assert_eq!(text(&status, 2), "subgraph `youth` answered HTTP 502");
    assert_eq!(one(&status, 3), Wire::Varint(2));
    assert!(all(request_span, 15).is_empty(), "no status: unset");
    let (Wire::Fixed64(start), Wire::Fixed64(end)) = (one(fetch, 7), one(fetch, 8)) else {
        panic!("times are fixed64");
    };
    assert!(start > 1_600_000_000_000_000_000 && end >= start);
    let (Wire::Fixed64(start), Wire::Fixed64(end)) = (one(statement, 7), one(statement, 8)) else {
        panic!("times are fixed64");
    };
    assert_eq!(end - start, 2_000_000, "start = end - elapsed");
    assert_eq!(quntuan_trace::dropped_spans(), 0);

    // The log line written inside the request names its trace and span.
    let text = String::from_utf8(log.0.lock().expect("log").clone()).expect("utf-8");
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|line| serde_json::from_str(line).expect("every line is JSON"))
        .collect();
    let line = lines
        .iter()
        .find(|line| line["target"] == "quntuan::test")
        .expect("the test's line");
    assert_eq!(line["message"], "inside the request");
    assert_eq!(line["trace_id"], "4bf92f3577b34da6a3ce929d0e0e4736");
    assert_eq!(line["span_id"], server_context.span_id.to_string());
    assert_eq!(line["service"], "gateway-under-test");
}

#[derive(Clone, Default)]
struct LogBuffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for LogBuffer {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().expect("log").extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'w> tracing_subscriber::fmt::MakeWriter<'w> for LogBuffer {
    type Writer = LogBuffer;

    fn make_writer(&'w self) -> LogBuffer {
        self.clone()
    }
}

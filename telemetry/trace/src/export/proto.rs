//! OTLP protobuf (`grpc`, `http/protobuf`), encoded by hand: a trace export needs eight
//! message types of `opentelemetry/proto/{collector/trace/v1,trace/v1,common/v1,resource/v1}`,
//! written here with their field numbers, which the protocol's compatibility rules keep fixed.

use super::{SCOPE, by_service};
use crate::record::{KeyValue, SpanRecord, Status, Value};

/// An `ExportTraceServiceRequest` carrying `spans`.
pub fn encode(spans: &[SpanRecord]) -> Vec<u8> {
    let mut request = Vec::new();
    for (service, spans) in by_service(spans) {
        let mut resource_spans = Vec::new();
        // ResourceSpans.resource = 1 { Resource.attributes = 1 }
        let mut resource = Vec::new();
        message(
            &mut resource,
            1,
            &key_value(&("service.name", Value::from(service))),
        );
        message(&mut resource_spans, 1, &resource);
        // ResourceSpans.scope_spans = 2 { ScopeSpans.scope = 1, ScopeSpans.spans = 2 }
        let mut scope_spans = Vec::new();
        let mut scope = Vec::new();
        bytes(&mut scope, 1, SCOPE.as_bytes());
        bytes(&mut scope, 2, env!("CARGO_PKG_VERSION").as_bytes());
        message(&mut scope_spans, 1, &scope);
        for span in spans {
            message(&mut scope_spans, 2, &encode_span(span));
        }
        message(&mut resource_spans, 2, &scope_spans);
        // ExportTraceServiceRequest.resource_spans = 1
        message(&mut request, 1, &resource_spans);
    }
    request
}

fn encode_span(span: &SpanRecord) -> Vec<u8> {
    let mut out = Vec::new();
    bytes(&mut out, 1, &span.context.trace_id.0.to_be_bytes());
    bytes(&mut out, 2, &span.context.span_id.0.to_be_bytes());
    if let Some(parent) = span.parent {
        bytes(&mut out, 4, &parent.0.to_be_bytes());
    }
    bytes(&mut out, 5, span.name.as_bytes());
    varint_field(&mut out, 6, span.kind as u64);
    fixed64(&mut out, 7, span.start_unix_nanos);
    fixed64(&mut out, 8, span.end_unix_nanos);
    for attribute in &span.attributes {
        message(&mut out, 9, &key_value(attribute));
    }
    if let Status::Error(text) = &span.status {
        // Status.message = 2, Status.code = 3 (STATUS_CODE_ERROR = 2)
        let mut status = Vec::new();
        bytes(&mut status, 2, text.as_bytes());
        varint_field(&mut status, 3, 2);
        message(&mut out, 15, &status);
    }
    out
}

fn key_value((key, value): &KeyValue) -> Vec<u8> {
    let mut any = Vec::new();
    match value {
        Value::String(text) => bytes(&mut any, 1, text.as_bytes()),
        Value::Bool(flag) => varint_field(&mut any, 2, u64::from(*flag)),
        // int64 is sent as its two's-complement varint.
        Value::Int(number) => varint_field(&mut any, 3, *number as u64),
        Value::Double(number) => fixed64(&mut any, 4, number.to_bits()),
    }
    let mut out = Vec::new();
    bytes(&mut out, 1, key.as_bytes());
    message(&mut out, 2, &any);
    out
}

const VARINT: u64 = 0;
const FIXED64: u64 = 1;
const LEN: u64 = 2;

fn tag(out: &mut Vec<u8>, field: u64, wire_type: u64) {
    varint(out, (field << 3) | wire_type);
}

fn varint(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

fn varint_field(out: &mut Vec<u8>, field: u64, value: u64) {
    tag(out, field, VARINT);
    varint(out, value);
}

fn fixed64(out: &mut Vec<u8>, field: u64, value: u64) {
    tag(out, field, FIXED64);
    out.extend_from_slice(&value.to_le_bytes());
}

fn bytes(out: &mut Vec<u8>, field: u64, value: &[u8]) {
    tag(out, field, LEN);
    varint(out, value.len() as u64);
    out.extend_from_slice(value);
}

fn message(out: &mut Vec<u8>, field: u64, encoded: &[u8]) {
    bytes(out, field, encoded);
}

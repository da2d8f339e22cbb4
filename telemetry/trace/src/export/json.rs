//! OTLP/JSON (`http/json`): the protobuf messages in their JSON mapping, with trace and span
//! ids as hex strings and 64-bit integers as strings, as the OTLP specification requires.

use super::{SCOPE, by_service};
use crate::record::{KeyValue, SpanRecord, Status, Value};
use serde_json::{Value as Json, json};

/// The body of `POST /v1/traces` for `spans`.
pub fn encode(spans: &[SpanRecord]) -> Vec<u8> {
    let resource_spans: Vec<Json> = by_service(spans)
        .into_iter()
        .map(|(service, spans)| {
            json!({
                "resource": {"attributes": [attribute(&("service.name", Value::from(service)))]},
                "scopeSpans": [{
                    "scope": {"name": SCOPE, "version": env!("CARGO_PKG_VERSION")},
                    "spans": spans.into_iter().map(span).collect::<Vec<_>>(),
                }],
            })
        })
        .collect();
    json!({ "resourceSpans": resource_spans })
        .to_string()
        .into_bytes()
}

fn span(span: &SpanRecord) -> Json {
    let mut object = json!({
        "traceId": span.context.trace_id.to_string(),
        "spanId": span.context.span_id.to_string(),
        "name": span.name,
        "kind": span.kind as i32,
        "startTimeUnixNano": span.start_unix_nanos.to_string(),
        "endTimeUnixNano": span.end_unix_nanos.to_string(),
        "attributes": span.attributes.iter().map(attribute).collect::<Vec<_>>(),
    });
    if let Some(parent) = span.parent {
        object["parentSpanId"] = Json::String(parent.to_string());
    }
    if let Status::Error(message) = &span.status {
        object["status"] = json!({"code": 2, "message": message});
    }
    object
}

fn attribute((key, value): &KeyValue) -> Json {
    let value = match value {
        Value::String(text) => json!({"stringValue": text}),
        Value::Int(number) => json!({"intValue": number.to_string()}),
        Value::Bool(flag) => json!({"boolValue": flag}),
        Value::Double(number) => json!({"doubleValue": number}),
    };
    json!({"key": key, "value": value})
}

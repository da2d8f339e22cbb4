//! Traces of the Quntuan gateway and subgraphs, exported by OTLP, without the OpenTelemetry
//! SDK: the few parts a federation needs, small enough to read.
//!
//! - [`context`]: trace and span ids and the W3C `traceparent` header;
//! - [`Span`]: a span in progress, current for the code it scopes (a tokio task-local), with
//!   a parent-based ratio sampler deciding at the trace's root;
//! - [`export`]: a bounded queue drained by a thread of its own, which batches spans and sends
//!   them as OTLP protobuf (gRPC or HTTP) or OTLP JSON; a full queue drops and counts;
//! - [`log`]: log lines as text or JSON, with the trace id of the request that logged them.
//!
//! Nothing is recorded until [`install`] is given a collector; until then a span is a check
//! of a global and nothing else.

pub mod context;
pub mod export;
mod ids;
pub mod log;
mod record;
mod sampler;
mod settings;
mod span;
mod tracer;

pub use context::{SpanContext, SpanId, TraceId};
pub use record::{KeyValue, SpanKind, SpanRecord, Status, Value};
pub use settings::{
    OTLP_ENDPOINT_ENV, OTLP_PROTOCOL_ENV, OtlpSettings, Protocol, SAMPLING_RATIO_ENV,
    TracingSettings,
};
pub use span::{
    Current, Span, current, current_is_sampled, note_on_request, record_finished_child,
    with_current,
};
pub use tracer::{dropped_spans, enabled, flush, install, service_name};

/// The header carrying the trace context between services.
pub const TRACEPARENT: &str = "traceparent";

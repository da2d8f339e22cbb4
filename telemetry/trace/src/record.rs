//! A finished span as the exporter sends it.

use crate::context::{SpanContext, SpanId};
use std::borrow::Cow;

/// What a span is to its service (OTLP `SpanKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpanKind {
    Internal = 1,
    /// A request this service answers.
    Server = 2,
    /// A request this service sends (a subgraph fetch, a database statement).
    Client = 3,
}

/// An attribute value (OTLP `AnyValue`, the kinds spans here use).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    String(Cow<'static, str>),
    Int(i64),
    Bool(bool),
    Double(f64),
}

impl From<&'static str> for Value {
    fn from(value: &'static str) -> Self {
        Self::String(Cow::Borrowed(value))
    }
}

impl From<String> for Value {
    fn from(value: String) -> Self {
        Self::String(Cow::Owned(value))
    }
}

impl From<i64> for Value {
    fn from(value: i64) -> Self {
        Self::Int(value)
    }
}

impl From<usize> for Value {
    fn from(value: usize) -> Self {
        Self::Int(i64::try_from(value).unwrap_or(i64::MAX))
    }
}

impl From<bool> for Value {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl From<f64> for Value {
    fn from(value: f64) -> Self {
        Self::Double(value)
    }
}

pub type KeyValue = (&'static str, Value);

/// A span's outcome (OTLP `Status`): unset, or an error with a message.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Status {
    #[default]
    Unset,
    Error(String),
}

/// One finished span.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanRecord {
    /// The service that did the work (`service.name` of its resource): one process may run
    /// several (`quntuan dev` runs the gateway and six subgraphs).
    pub service: &'static str,
    pub name: Cow<'static, str>,
    pub kind: SpanKind,
    pub context: SpanContext,
    pub parent: Option<SpanId>,
    pub start_unix_nanos: u64,
    pub end_unix_nanos: u64,
    pub attributes: Vec<KeyValue>,
    pub status: Status,
}

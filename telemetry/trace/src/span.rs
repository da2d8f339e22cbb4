//! Spans in progress. A [`Span`] is cheap when tracing is off (nothing but a check of the
//! global tracer) and when its trace is not sampled (an id for `traceparent`, nothing
//! recorded); a sampled span is exported when it is dropped.
//!
//! The current span of a request is a tokio task-local set by [`Span::in_scope`], so the
//! parent of a stage or a fetch is found without passing it down, also for futures a request
//! joins concurrently (each scope is set only while its own future is polled).

use crate::context::{SpanContext, SpanId};
use crate::record::{KeyValue, SpanKind, SpanRecord, Status, Value};
use crate::tracer::tracer;
use std::borrow::Cow;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The span a request's code runs under.
#[derive(Debug, Clone)]
pub struct Current {
    pub context: SpanContext,
    pub service: &'static str,
    /// Attributes added to the request's server span from inside it ([`note_on_request`]):
    /// present when the trace is sampled.
    request_notes: Option<Arc<Mutex<Vec<KeyValue>>>>,
}

tokio::task_local! {
    static CURRENT: Current;
}

/// The span the calling code runs under, if any.
pub fn current() -> Option<Current> {
    CURRENT.try_with(Clone::clone).ok()
}

/// `future` under the caller's current span: for a task spawned from a request, which would
/// otherwise start with no span (a task-local does not cross `tokio::spawn`).
pub fn with_current<F: Future>(future: F) -> impl Future<Output = F::Output> {
    let current = current();
    async move {
        match current {
            Some(current) => CURRENT.scope(current, future).await,
            None => future.await,
        }
    }
}

/// Adds an attribute to the server span of the request the caller runs under (the operation
/// name is only known once the document is parsed). A no-op when it is not recorded.
pub fn note_on_request(key: &'static str, value: impl Into<Value>) {
    let _ = CURRENT.try_with(|current| {
        if let Some(notes) = &current.request_notes {
            notes
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push((key, value.into()));
        }
    });
}

/// A span in progress; see the module documentation.
#[derive(Debug)]
pub struct Span {
    current: Option<Current>,
    recording: Option<Box<Recording>>,
}

#[derive(Debug)]
struct Recording {
    name: Cow<'static, str>,
    kind: SpanKind,
    parent: Option<SpanId>,
    start_unix_nanos: u64,
    started: Instant,
    attributes: Vec<KeyValue>,
    status: Status,
}

fn unix_nanos(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

impl Span {
    /// A span that records nothing and has no context (tracing off).
    pub fn none() -> Self {
        Self {
            current: None,
            recording: None,
        }
    }

    /// The span of a request `service` answers, continuing the trace of the caller's
    /// `traceparent` when it has a valid one, or starting a trace.
    pub fn server(service: &'static str, name: &'static str, traceparent: Option<&str>) -> Self {
        let Some(tracer) = tracer() else {
            return Self::none();
        };
        let parent = traceparent.and_then(SpanContext::from_traceparent);
        let trace_id = parent.map_or_else(crate::ids::trace_id, |p| p.trace_id);
        let context = SpanContext {
            trace_id,
            span_id: crate::ids::span_id(),
            sampled: tracer.sampler.sampled(parent.as_ref(), trace_id),
        };
        let mut span = Self::start(
            context,
            service,
            name.into(),
            SpanKind::Server,
            parent.map(|p| p.span_id),
        );
        if let Some(current) = &mut span.current
            && context.sampled
        {
            current.request_notes = Some(Arc::default());
        }
        span
    }

    /// A child of the current span (see [`Span::in_scope`]); records nothing outside one.
    pub fn child(name: &'static str, kind: SpanKind) -> Self {
        match (tracer(), current()) {
            (Some(_), Some(parent)) => {
                let context = SpanContext {
                    span_id: crate::ids::span_id(),
                    ..parent.context
                };
                let mut span = Self::start(
                    context,
                    parent.service,
                    name.into(),
                    kind,
                    Some(parent.context.span_id),
                );
                if let Some(current) = &mut span.current {
                    current.request_notes = parent.request_notes;
                }
                span
            }
            _ => Self::none(),
        }
    }

    fn start(
        context: SpanContext,
        service: &'static str,
        name: Cow<'static, str>,
        kind: SpanKind,
        parent: Option<SpanId>,
    ) -> Self {
        let recording = context.sampled.then(|| {
            Box::new(Recording {
                name,
                kind,
                parent,
                start_unix_nanos: unix_nanos(SystemTime::now()),
                started: Instant::now(),
                attributes: Vec::new(),
                status: Status::Unset,
            })
        });
        Self {
            current: Some(Current {
                context,
                service,
                request_notes: None,
            }),
            recording,
        }
    }

    /// Whether this span is exported (tracing on and its trace sampled): attributes that cost
    /// something to build are worth building.
    pub fn is_recording(&self) -> bool {
        self.recording.is_some()
    }

    pub fn context(&self) -> Option<SpanContext> {
        self.current.as_ref().map(|c| c.context)
    }

    /// The `traceparent` to send with a request made under this span (tracing on).
    pub fn traceparent(&self) -> Option<String> {
        self.context().map(|c| c.traceparent())
    }

    pub fn set(&mut self, key: &'static str, value: impl Into<Value>) {
        if let Some(recording) = &mut self.recording {
            recording.attributes.push((key, value.into()));
        }
    }

    /// Marks the span failed, with what went wrong.
    pub fn set_error(&mut self, message: impl Into<String>) {
        if let Some(recording) = &mut self.recording {
            recording.status = Status::Error(message.into());
        }
    }

    /// Runs `future` with this span as the current one, so spans started inside are its
    /// children.
    pub fn in_scope<F: Future>(&self, future: F) -> impl Future<Output = F::Output> + use<F> {
        let current = self.current.clone();
        async move {
            match current {
                Some(current) => CURRENT.scope(current, future).await,
                None => future.await,
            }
        }
    }

    /// Runs `f` with this span as the current one (synchronous code).
    pub fn in_scope_sync<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.current {
            Some(current) => CURRENT.sync_scope(current.clone(), f),
            None => f(),
        }
    }
}

impl Drop for Span {
    fn drop(&mut self) {
        let (Some(recording), Some(current), Some(tracer)) =
            (self.recording.take(), self.current.take(), tracer())
        else {
            return;
        };
        let Recording {
            name,
            kind,
            parent,
            start_unix_nanos,
            started,
            mut attributes,
            status,
        } = *recording;
        // The server span holds the notes its children added (see `note_on_request`).
        if kind == SpanKind::Server
            && let Some(notes) = &current.request_notes
        {
            attributes.append(&mut notes.lock().unwrap_or_else(|e| e.into_inner()));
        }
        let elapsed = u64::try_from(started.elapsed().as_nanos()).unwrap_or(u64::MAX);
        tracer.export(SpanRecord {
            service: current.service,
            name,
            kind,
            context: current.context,
            parent,
            start_unix_nanos,
            end_unix_nanos: start_unix_nanos.saturating_add(elapsed),
            attributes,
            status,
        });
    }
}

/// Records a child of the current span that has already finished, `elapsed` ago at its
/// start: what a database driver reports after each statement.
pub fn record_finished_child(
    name: Cow<'static, str>,
    kind: SpanKind,
    elapsed: Duration,
    attributes: Vec<KeyValue>,
    status: Status,
) {
    let (Some(tracer), Some(parent)) = (tracer(), current()) else {
        return;
    };
    if !parent.context.sampled {
        return;
    }
    let end = unix_nanos(SystemTime::now());
    let elapsed = u64::try_from(elapsed.as_nanos()).unwrap_or(u64::MAX);
    tracer.export(SpanRecord {
        service: parent.service,
        name,
        kind,
        context: SpanContext {
            span_id: crate::ids::span_id(),
            ..parent.context
        },
        parent: Some(parent.context.span_id),
        start_unix_nanos: end.saturating_sub(elapsed),
        end_unix_nanos: end,
        attributes,
        status,
    });
}

/// Whether the caller runs under a sampled span (worth building a finished child's
/// attributes for).
pub fn current_is_sampled() -> bool {
    tracer().is_some() && CURRENT.try_with(|c| c.context.sampled).unwrap_or(false)
}

//! Sending spans to the collector without ever holding a request up: spans go into a bounded
//! queue (a full queue drops the span and counts it); a thread of its own batches them (up to
//! [`MAX_BATCH`] spans, or what came within [`BATCH_DELAY`]) and exports each batch by OTLP.
//! The thread has its own small runtime, so exports neither compete with requests for the
//! server's tasks nor stop when the runtime that installed the tracer ends (tests).

mod json;
mod proto;
mod send;

pub use json::encode as encode_json;
pub use proto::encode as encode_protobuf;

use crate::record::SpanRecord;
use crate::settings::OtlpSettings;
use send::Sender;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::{mpsc, oneshot};

/// Spans waiting to be exported at most; more are dropped.
const QUEUE: usize = 8_192;
/// Spans in one export at most.
const MAX_BATCH: usize = 512;
/// How long a span waits for others to share its export.
const BATCH_DELAY: Duration = Duration::from_millis(500);

enum Message {
    Span(SpanRecord),
    Flush(oneshot::Sender<()>),
}

pub(crate) struct Exporter {
    queue: mpsc::Sender<Message>,
    dropped: Arc<AtomicU64>,
}

impl Exporter {
    pub(crate) fn start(settings: &OtlpSettings) -> Result<Self, String> {
        let sender = Sender::new(settings)?;
        let (queue, receiver) = mpsc::channel(QUEUE);
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start the trace exporter's runtime: {e}"))?;
        std::thread::Builder::new()
            .name("quntuan-trace-export".into())
            .spawn(move || runtime.block_on(run(receiver, sender)))
            .map_err(|e| format!("cannot start the trace exporter's thread: {e}"))?;
        Ok(Self {
            queue,
            dropped: Arc::default(),
        })
    }

    pub(crate) fn send(&self, record: SpanRecord) {
        if self.queue.try_send(Message::Span(record)).is_err() {
            self.dropped.fetch_add(1, Ordering::Relaxed);
        }
    }

    pub(crate) async fn flush(&self) {
        let (done, finished) = oneshot::channel();
        if self.queue.send(Message::Flush(done)).await.is_ok() {
            let _ = finished.await;
        }
    }

    pub(crate) fn dropped(&self) -> u64 {
        self.dropped.load(Ordering::Relaxed)
    }
}

async fn run(mut receiver: mpsc::Receiver<Message>, sender: Sender) {
    let mut batch = Vec::new();
    let mut deadline = tokio::time::Instant::now();
    loop {
        let message = if batch.is_empty() {
            receiver.recv().await
        } else {
            match tokio::time::timeout_at(deadline, receiver.recv()).await {
                Ok(message) => message,
                Err(_) => {
                    sender.export(std::mem::take(&mut batch)).await;
                    continue;
                }
            }
        };
        match message {
            Some(Message::Span(record)) => {
                if batch.is_empty() {
                    deadline = tokio::time::Instant::now() + BATCH_DELAY;
                }
                batch.push(record);
                if batch.len() >= MAX_BATCH {
                    sender.export(std::mem::take(&mut batch)).await;
                }
            }
            Some(Message::Flush(done)) => {
                if !batch.is_empty() {
                    sender.export(std::mem::take(&mut batch)).await;
                }
                let _ = done.send(());
            }
            None => {
                if !batch.is_empty() {
                    sender.export(batch).await;
                }
                return;
            }
        }
    }
}

/// The spans of a batch by service, in first-seen order: one OTLP `ResourceSpans` each.
pub(crate) fn by_service(spans: &[SpanRecord]) -> Vec<(&'static str, Vec<&SpanRecord>)> {
    let mut groups: Vec<(&'static str, Vec<&SpanRecord>)> = Vec::new();
    for span in spans {
        match groups
            .iter_mut()
            .find(|(service, _)| *service == span.service)
        {
            Some((_, group)) => group.push(span),
            None => groups.push((span.service, vec![span])),
        }
    }
    groups
}

/// The instrumentation scope every span is reported under.
pub(crate) const SCOPE: &str = "quntuan";

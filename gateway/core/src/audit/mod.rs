//! The audit trail of personal-data reads: every response that carried a field under
//! `@requiresScopes` or `@policy` records who asked (subject, client name), when, with which
//! operation, and per coordinate how many values went out. Never the values.
//!
//! Each record goes at once to the `quntuan::audit` log target, and, with a database URL, to a
//! table the gateway creates itself, written off the request path in batches ([`store`]).

mod count;
mod settings;
mod store;

pub use count::count_values;
pub use settings::AuditSettings;

use crate::auth::{Guard, Identity};
use chrono::{DateTime, Utc};
use std::sync::OnceLock;
use tokio::sync::{mpsc, oneshot};

/// One response's reads of personal data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub subject: Option<String>,
    pub client_name: Option<String>,
    pub operation_name: Option<String>,
    /// `(Type.field, values)`, in selection order; coordinates with no value are left out.
    pub reads: Vec<(String, u64)>,
}

/// What the writer task receives.
enum Message {
    Record(AuditRecord),
    /// Answered once everything sent before is written.
    Flush(oneshot::Sender<()>),
}

/// Where records go. The writer starts with the first record, on the runtime that serves it.
pub struct AuditTrail {
    settings: AuditSettings,
    writer: OnceLock<mpsc::Sender<Message>>,
}

impl AuditTrail {
    pub fn new(settings: AuditSettings) -> Result<Self, String> {
        settings.check()?;
        Ok(Self {
            settings,
            writer: OnceLock::new(),
        })
    }

    /// Records the guarded fields `data` carries; nothing when it carries none.
    pub fn record(
        &self,
        guards: &[Guard],
        data: &serde_json::Value,
        identity: &Identity,
        operation_name: Option<&str>,
    ) {
        let reads: Vec<(String, u64)> = guards
            .iter()
            .map(|guard| (guard.coordinate.clone(), count_values(data, &guard.path)))
            .filter(|(_, count)| *count > 0)
            .fold(Vec::new(), |mut merged, (coordinate, count)| {
                match merged.iter_mut().find(|(c, _)| *c == coordinate) {
                    Some((_, total)) => *total += count,
                    None => merged.push((coordinate, count)),
                }
                merged
            });
        if reads.is_empty() {
            return;
        }
        let record = AuditRecord {
            at: Utc::now(),
            subject: identity.subject.clone(),
            client_name: identity.client_name.clone(),
            operation_name: operation_name.map(str::to_string),
            reads,
        };
        tracing::info!(
            target: "quntuan::audit",
            subject = record.subject.as_deref().unwrap_or(""),
            client_name = record.client_name.as_deref().unwrap_or(""),
            operation = record.operation_name.as_deref().unwrap_or(""),
            reads = %record
                .reads
                .iter()
                .map(|(coordinate, count)| format!("{coordinate}={count}"))
                .collect::<Vec<_>>()
                .join(","),
            "personal data read"
        );
        if let Some(writer) = self.writer() {
            // Never wait on the database in a request: a full queue drops the row, loudly.
            if writer.try_send(Message::Record(record)).is_err() {
                tracing::error!(
                    target: "quntuan::audit",
                    "the audit table's queue is full or closed: a record was logged but not stored"
                );
            }
        }
    }

    /// Waits until every record sent so far is in the table (tests, shutdown).
    pub async fn flush(&self) {
        let Some(writer) = self.writer() else { return };
        let (done, written) = oneshot::channel();
        if writer.send(Message::Flush(done)).await.is_ok() {
            let _ = written.await;
        }
    }

    fn writer(&self) -> Option<&mpsc::Sender<Message>> {
        let url = self.settings.database_url.as_ref()?;
        Some(self.writer.get_or_init(|| {
            let (sender, receiver) = mpsc::channel(self.settings.queue_capacity);
            tokio::spawn(store::run(
                url.clone(),
                self.settings.table.clone(),
                self.settings.batch_size,
                receiver,
            ));
            sender
        }))
    }
}

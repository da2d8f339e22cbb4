//! The audit table: created on first use, appended to in batches by one task.

use super::{AuditRecord, Message};
use sea_orm::{ConnectionTrait, Database, DatabaseBackend, DatabaseConnection, Statement, Value};
use tokio::sync::mpsc;

pub(super) async fn run(
    url: String,
    table: String,
    batch_size: usize,
    mut receiver: mpsc::Receiver<Message>,
) {
    let db = match connect(&url, &table).await {
        Ok(db) => Some(db),
        Err(error) => {
            tracing::error!(target: "quntuan::audit", %error, "the audit table is unavailable: records are logged only");
            None
        }
    };
    let mut batch: Vec<AuditRecord> = Vec::new();
    while let Some(first) = receiver.recv().await {
        let mut flushes = Vec::new();
        let mut next = Some(first);
        // Take what is already queued, up to a batch: one statement under load, no waiting.
        while let Some(message) = next.take() {
            match message {
                Message::Record(record) => batch.push(record),
                Message::Flush(done) => flushes.push(done),
            }
            if batch.len() >= batch_size {
                write(db.as_ref(), &table, &mut batch).await;
            }
            next = receiver.try_recv().ok();
        }
        write(db.as_ref(), &table, &mut batch).await;
        for done in flushes {
            let _ = done.send(());
        }
    }
}

async fn connect(url: &str, table: &str) -> Result<DatabaseConnection, sea_orm::DbErr> {
    let db = Database::connect(url).await?;
    let sql = match db.get_database_backend() {
        DatabaseBackend::Postgres => format!(
            "CREATE TABLE IF NOT EXISTS {table} (\
             id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL, subject TEXT, client_name TEXT, \
             operation_name TEXT, coordinate TEXT NOT NULL, value_count BIGINT NOT NULL)"
        ),
        _ => format!(
            "CREATE TABLE IF NOT EXISTS {table} (\
             id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, subject TEXT, client_name TEXT, \
             operation_name TEXT, coordinate TEXT NOT NULL, value_count BIGINT NOT NULL)"
        ),
    };
    db.execute_unprepared(&sql).await?;
    Ok(db)
}

/// One INSERT for the batch: a row per (record, coordinate).
async fn write(db: Option<&DatabaseConnection>, table: &str, batch: &mut Vec<AuditRecord>) {
    if batch.is_empty() {
        return;
    }
    let Some(db) = db else {
        batch.clear();
        return;
    };
    let backend = db.get_database_backend();
    let mut rows = Vec::new();
    let mut values: Vec<Value> = Vec::new();
    for record in batch.iter() {
        for (coordinate, count) in &record.reads {
            let first = values.len();
            let placeholders: Vec<String> = (1..=6)
                .map(|i| match backend {
                    DatabaseBackend::Postgres => format!("${}", first + i),
                    _ => "?".to_string(),
                })
                .collect();
            rows.push(format!("({})", placeholders.join(", ")));
            values.push(record.at.into());
            values.push(record.subject.clone().into());
            values.push(record.client_name.clone().into());
            values.push(record.operation_name.clone().into());
            values.push(coordinate.clone().into());
            values.push((*count as i64).into());
        }
    }
    let sql = format!(
        "INSERT INTO {table} (at, subject, client_name, operation_name, coordinate, value_count) VALUES {}",
        rows.join(", ")
    );
    let records = batch.len();
    batch.clear();
    if let Err(error) = db
        .execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await
    {
        tracing::error!(target: "quntuan::audit", %error, records, "audit rows not stored");
    }
}

//! Where the audit trail is stored.

use serde::Deserialize;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AuditSettings {
    /// `postgres://...` or `sqlite://...`; none (the default): the log target only.
    pub database_url: Option<String>,
    /// The table the gateway creates and appends to (default `quntuan_audit`); `schema.table`
    /// is allowed.
    pub table: String,
    /// Most rows written in one statement (default 200).
    pub batch_size: usize,
    /// Records waiting for the database before new ones are dropped (default 10,000).
    pub queue_capacity: usize,
}

impl Default for AuditSettings {
    fn default() -> Self {
        Self {
            database_url: None,
            table: "quntuan_audit".into(),
            batch_size: 200,
            queue_capacity: 10_000,
        }
    }
}

impl AuditSettings {
    /// The table name goes into SQL text: only identifiers are accepted.
    pub fn check(&self) -> Result<(), String> {
        let parts: Vec<&str> = self.table.split('.').collect();
        let identifier = |part: &&str| {
            !part.is_empty()
                && part.len() <= 63
                && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !part.starts_with(|c: char| c.is_ascii_digit())
        };
        if parts.len() > 2 || !parts.iter().all(identifier) {
            return Err(format!(
                "audit table `{}` is not `name` or `schema.name` (letters, digits, `_`)",
                self.table
            ));
        }
        if self.batch_size == 0 || self.queue_capacity == 0 {
            return Err("audit `batch_size` and `queue_capacity` must be at least 1".into());
        }
        Ok(())
    }
}

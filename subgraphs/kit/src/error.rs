//! Errors: `ApiError` for GraphQL answers (closed set of `extensions.code` values) and
//! `KitError` for the operational side (connect, migrate, seed, serve).

use std::fmt;

use async_graphql::ErrorExtensions;
use sea_orm::DbErr;

/// The closed set of `extensions.code` values a subgraph answers with.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    BadUserInput,
    NotFound,
    Forbidden,
    Conflict,
    Internal,
}

impl ErrorCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::BadUserInput => "BAD_USER_INPUT",
            ErrorCode::NotFound => "NOT_FOUND",
            ErrorCode::Forbidden => "FORBIDDEN",
            ErrorCode::Conflict => "CONFLICT",
            ErrorCode::Internal => "INTERNAL",
        }
    }
}

/// An error a resolver or service function returns to the caller. Its message says what
/// to fix; `INTERNAL` errors hide details from the caller (they are logged instead).
///
/// It converts into `async_graphql::Error` with `extensions.code`, so resolvers can use
/// `?` on service results. It deliberately does not implement `Display`: async-graphql's
/// blanket `From<T: Display>` would otherwise drop the code.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiError {
    code: ErrorCode,
    message: String,
    /// The database refused because of a concurrent writer (see `write::is_transient`):
    /// `write::write_transaction` runs the transaction again instead of answering.
    transient: bool,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            transient: false,
        }
    }

    pub fn bad_input(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::BadUserInput, message)
    }

    /// `what` names the kind of record, e.g. `not_found("region", "510199")`.
    pub fn not_found(what: &str, id: &str) -> Self {
        ApiError::new(ErrorCode::NotFound, format!("no {what} with id `{id}`"))
    }

    pub fn forbidden(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::Forbidden, message)
    }

    pub fn conflict(message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::Conflict, message)
    }

    /// A `CONFLICT` caused by a concurrent writer changing what this write read (a
    /// conditional update that matched nothing): marked transient, so the write runs
    /// again and then meets the real state (and succeeds, or answers why it cannot).
    pub fn changed_concurrently(message: impl Into<String>) -> Self {
        let mut err = ApiError::new(ErrorCode::Conflict, message);
        err.transient = true;
        err
    }

    /// Logs `detail` and answers a generic message naming `operation`.
    pub fn internal(operation: &str, detail: impl fmt::Display) -> Self {
        tracing::error!(operation, %detail, "internal error");
        ApiError::new(
            ErrorCode::Internal,
            format!("internal error while {operation}; the subgraph log has the details"),
        )
    }

    /// A failed database statement while `operation`: `INTERNAL` (logged with `err`), and
    /// marked transient when a concurrent writer caused it, so that the write is retried
    /// rather than answered (the retry loop logs it if every attempt fails).
    pub fn database(operation: &str, err: DbErr) -> Self {
        if matches!(
            err,
            DbErr::ConnectionAcquire(sea_orm::ConnAcquireErr::Timeout)
        ) {
            // Not transient: retrying would wait for the pool again.
            tracing::warn!(
                operation,
                "no pooled database connection became free in time"
            );
            return ApiError::new(
                ErrorCode::Internal,
                format!(
                    "internal error while {operation}: no database connection became free in \
                     time (all are busy; {} sets the wait); try again",
                    crate::db::ACQUIRE_TIMEOUT_ENV
                ),
            );
        }
        if crate::write::is_transient(&err) {
            tracing::info!(operation, %err, "a concurrent writer got in the way");
            let mut api = ApiError::new(
                ErrorCode::Internal,
                format!(
                    "internal error while {operation}: the database stayed busy with other \
                     writes; the subgraph log has the details"
                ),
            );
            api.transient = true;
            return api;
        }
        ApiError::internal(operation, err)
    }

    /// See [`ApiError::database`].
    pub fn is_transient(&self) -> bool {
        self.transient
    }

    pub fn code(&self) -> ErrorCode {
        self.code
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// The GraphQL error with `extensions.code`.
    pub fn into_graphql(self) -> async_graphql::Error {
        async_graphql::Error::new(self.message)
            .extend_with(|_, ext| ext.set("code", self.code.as_str()))
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl From<ApiError> for async_graphql::Error {
    fn from(err: ApiError) -> Self {
        err.into_graphql()
    }
}

impl From<DbErr> for ApiError {
    fn from(err: DbErr) -> Self {
        ApiError::database("querying the database", err)
    }
}

/// Result of service functions.
pub type ApiResult<T> = Result<T, ApiError>;

/// Operational errors: connecting, migrating, seeding, serving.
#[derive(Debug, thiserror::Error)]
pub enum KitError {
    #[error("cannot connect to database `{url}`: {source}")]
    Connect { url: String, source: DbErr },
    #[error(
        "unsupported database url `{0}`: expected `sqlite:PATH`, `sqlite::memory:` or `postgres://...`"
    )]
    UnsupportedUrl(String),
    #[error("database statement failed while {context}: {source}")]
    Database { context: String, source: DbErr },
    #[error("migrating subgraph `{subgraph}` failed: {source}")]
    Migrate {
        subgraph: &'static str,
        source: DbErr,
    },
    #[error("seeding subgraph `{subgraph}` failed while {context}: {source}")]
    Seed {
        subgraph: &'static str,
        context: String,
        source: DbErr,
    },
    #[error("{0}")]
    Config(String),
    #[error("cannot listen on `{addr}`: {source}")]
    Listen {
        addr: String,
        source: std::io::Error,
    },
    #[error("server on `{addr}` stopped with an error: {source}")]
    Serve {
        addr: String,
        source: std::io::Error,
    },
    #[error("cannot share events through Redis at `{url}`: {source}")]
    EventBus {
        url: String,
        source: redis::RedisError,
    },
}

impl KitError {
    pub fn database(context: impl Into<String>) -> impl FnOnce(DbErr) -> KitError {
        let context = context.into();
        move |source| KitError::Database { context, source }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_errors_carry_their_code() {
        let err: async_graphql::Error = ApiError::not_found("region", "510199").into();
        assert_eq!(err.message, "no region with id `510199`");
        let code = err.extensions.as_ref().and_then(|e| e.get("code")).cloned();
        assert_eq!(code, Some(async_graphql::Value::from("NOT_FOUND")));
        let internal = ApiError::from(DbErr::Custom("boom".into()));
        assert_eq!(internal.code(), ErrorCode::Internal);
        assert!(!internal.message().contains("boom"));
    }
}

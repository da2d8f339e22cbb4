//! Input checks and write helpers every organisation's mutations share; each error names the
//! argument and what to fix. An organisation's own rules stay in its crate.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, DbErr, SqlErr};

use crate::error::{ApiError, ApiResult};

/// A trimmed, non-empty text of at most `max` characters, or the error naming `field`.
pub fn text(field: &str, value: &str, max: usize) -> ApiResult<String> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ApiError::bad_input(format!("`{field}` must not be empty")));
    }
    let length = value.chars().count();
    if length > max {
        return Err(ApiError::bad_input(format!(
            "`{field}` must be at most {max} characters, got {length}"
        )));
    }
    Ok(value.to_string())
}

/// The next text id `{prefix}{n:0width$}` of `table`, one more than the largest in use. Run
/// it inside the inserting write transaction after `lock_for_inserts(table)`, so that no
/// concurrent writer can take the same id before this one commits.
pub async fn next_id<C: ConnectionTrait>(
    db: &C,
    table: &str,
    prefix: &str,
    width: usize,
) -> ApiResult<String> {
    let statement = Query::select()
        .expr_as(Func::max(Expr::col(Alias::new("id"))), Alias::new("last"))
        .from(Alias::new(table))
        .and_where(Expr::col(Alias::new("id")).like(format!("{prefix}%")))
        .to_owned();
    let last: Option<String> = match db.query_one(&statement).await? {
        Some(row) => row.try_get("", "last")?,
        None => None,
    };
    let last_number = last
        .as_deref()
        .and_then(|id| id.strip_prefix(prefix))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    Ok(format!("{prefix}{:0width$}", last_number + 1))
}

/// A failed insert: a uniqueness violation is a `CONFLICT` (the record is already
/// stored); a concurrent writer's lock is transient (the write is retried); anything else
/// is internal.
pub fn write_error(err: DbErr) -> ApiError {
    match err.sql_err() {
        Some(SqlErr::UniqueConstraintViolation(detail)) => {
            tracing::info!(%detail, "insert refused by a unique constraint");
            ApiError::conflict("the same record is already stored")
        }
        _ => ApiError::database("writing to the database", err),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_trimmed_and_bounded() {
        assert_eq!(text("name", "  工会 ", 10), Ok("工会".to_string()));
        assert_eq!(
            text("name", "   ", 10)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must not be empty".to_string())
        );
        assert_eq!(
            text("name", "abcdef", 5)
                .err()
                .map(|e| e.message().to_string()),
            Some("`name` must be at most 5 characters, got 6".to_string())
        );
    }
}

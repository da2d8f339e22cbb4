//! Input checks shared by the mutations, and the id and error helpers of the write paths.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{ConnectionTrait, DbErr, SqlErr};

pub(crate) fn not_in_future(field: &str, date: NaiveDate, today: NaiveDate) -> ApiResult<()> {
    if date > today {
        return Err(ApiError::bad_input(format!(
            "`{field}` must not be in the future, got {date} (today is {today})"
        )));
    }
    Ok(())
}

/// The next id `{prefix}{n:0width$}` of `table`, one more than the largest in use. Run it
/// inside the inserting write transaction after `lock_for_inserts(table)`, so that no
/// concurrent writer can take the same id before this one commits.
pub(crate) async fn next_id<C: ConnectionTrait>(
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
pub(crate) fn write_error(err: DbErr) -> ApiError {
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
    fn future_dates_are_refused() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).unwrap_or_default();
        assert!(not_in_future("d", today, today).is_ok());
        assert!(not_in_future("d", today.succ_opt().unwrap_or(today), today).is_err());
    }
}

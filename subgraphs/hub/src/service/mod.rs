//! Queries and commands on the hub database. Functions take any `ConnectionTrait`, validate
//! their filters, and return `ApiResult` so resolvers stay thin.

pub mod centers;
pub mod directory;
pub mod directory_upserts;
pub mod meetings;
pub mod projects;
pub mod ratings;
pub mod regions;

use quntuan_kit::{ApiError, ApiResult, RegionScope};
use sea_orm::Condition;
use sea_orm::sea_query::{Alias, Expr, ExprTrait};

/// "In region `code` and everything below it" on a table with the three region columns;
/// `None` adds no condition.
pub(crate) fn region_condition(code: Option<&str>) -> ApiResult<Condition> {
    let Some(code) = code else {
        return Ok(Condition::all());
    };
    let scope = RegionScope::of(code).ok_or_else(|| {
        ApiError::bad_input(format!(
            "`regionCode` must be a division code of Chengdu (6, 9 or 12 digits, e.g. 510104), got `{code}`"
        ))
    })?;
    Ok(match scope.column_and_value() {
        None => Condition::all(),
        Some((column, value)) => Condition::all().add(Expr::col(Alias::new(column)).eq(value)),
    })
}

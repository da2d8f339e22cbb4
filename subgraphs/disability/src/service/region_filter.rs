//! "In region X and everything below it" as a SQL condition on the region columns.

use quntuan_kit::{ApiError, ApiResult, RegionScope};
use sea_orm::sea_query::{Expr, ExprTrait, SimpleExpr};

/// The condition for `region_code` (any level), `None` for the whole city. An unknown code
/// is the caller's mistake and says so.
pub(crate) fn region_condition(region_code: &str) -> ApiResult<Option<SimpleExpr>> {
    let scope = RegionScope::of(region_code).ok_or_else(|| {
        ApiError::bad_input(format!(
            "`regionCode` must be a division code of Chengdu (510100, a district, street or community code), got `{region_code}`"
        ))
    })?;
    Ok(scope
        .column_and_value()
        .map(|(column, value)| Expr::col(column).eq(value.to_string())))
}

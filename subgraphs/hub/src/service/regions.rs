//! The region hierarchy.

use quntuan_kit::{ApiError, ApiResult, Filters, RegionLevel};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::entities::region;

/// Regions by level and/or parent, optionally by a part of the name, ordered by code.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    level: Option<RegionLevel>,
    parent_code: Option<&str>,
    name_contains: Option<&str>,
) -> ApiResult<Vec<region::Model>> {
    if let Some(parent) = parent_code
        && RegionLevel::of_code(parent).is_none()
    {
        return Err(ApiError::bad_input(format!(
            "`parentCode` must be a division code of Chengdu (6, 9 or 12 digits, e.g. 510104), got `{parent}`"
        )));
    }
    let select = region::Entity::find()
        .equal(region::Column::Level, level.map(RegionLevel::as_str))
        .equal(region::Column::ParentCode, parent_code)
        .containing(
            region::Column::Name,
            name_contains.map(str::trim).filter(|p| !p.is_empty()),
        )
        .order_by_asc(region::Column::Code);
    Ok(select.all(db).await?)
}

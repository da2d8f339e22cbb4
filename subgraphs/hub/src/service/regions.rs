//! The region hierarchy.

use quntuan_kit::{ApiError, ApiResult, RegionLevel};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use crate::entities::region;

/// Regions by level and/or parent, optionally by a part of the name, ordered by code.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    level: Option<RegionLevel>,
    parent_code: Option<&str>,
    name_contains: Option<&str>,
) -> ApiResult<Vec<region::Model>> {
    let mut select = region::Entity::find().order_by_asc(region::Column::Code);
    if let Some(level) = level {
        select = select.filter(region::Column::Level.eq(level.as_str()));
    }
    if let Some(parent) = parent_code {
        if RegionLevel::of_code(parent).is_none() {
            return Err(ApiError::bad_input(format!(
                "`parentCode` must be a division code of Chengdu (6, 9 or 12 digits, e.g. 510104), got `{parent}`"
            )));
        }
        select = select.filter(region::Column::ParentCode.eq(parent));
    }
    if let Some(part) = name_contains.map(str::trim).filter(|p| !p.is_empty()) {
        select = select.filter(region::Column::Name.contains(part));
    }
    Ok(select.all(db).await?)
}

/// The regions with these codes (unknown codes are absent).
pub async fn by_codes<C: ConnectionTrait>(
    db: &C,
    codes: &[String],
) -> ApiResult<Vec<region::Model>> {
    Ok(region::Entity::find()
        .filter(region::Column::Code.is_in(codes.iter().cloned()))
        .all(db)
        .await?)
}

/// The children of these regions, ordered by code.
pub async fn children_of<C: ConnectionTrait>(
    db: &C,
    parents: &[String],
) -> ApiResult<Vec<region::Model>> {
    Ok(region::Entity::find()
        .filter(region::Column::ParentCode.is_in(parents.iter().cloned()))
        .order_by_asc(region::Column::Code)
        .all(db)
        .await?)
}

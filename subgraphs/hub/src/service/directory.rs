//! The shared directory of every organisation's units, activities and awards.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::entities::{directory_activity, directory_award, directory_unit};

/// Filters shared by the three lists.
#[derive(Debug, Default)]
pub struct DirectoryFilter<'a> {
    /// The region and everything below it.
    pub region_code: Option<&'a str>,
    /// Stored organisation names (`unions`, `youth`, ...); empty means all.
    pub organizations: Vec<&'a str>,
}

pub async fn units<C: ConnectionTrait>(
    db: &C,
    filter: &DirectoryFilter<'_>,
    kind: Option<&str>,
    page: Page,
) -> ApiResult<(i64, Vec<directory_unit::Model>)> {
    let mut select = directory_unit::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .order_by_asc(directory_unit::Column::Id);
    if !filter.organizations.is_empty() {
        select = select.filter(
            directory_unit::Column::Organization.is_in(filter.organizations.iter().copied()),
        );
    }
    if let Some(kind) = kind {
        select = select.filter(directory_unit::Column::Kind.eq(kind));
    }
    Ok(page.fetch(select, db).await?)
}

/// Activities, newest first, optionally within `from..=to`.
pub async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &DirectoryFilter<'_>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    page: Page,
) -> ApiResult<(i64, Vec<directory_activity::Model>)> {
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(ApiError::bad_input(format!(
            "`from` ({from}) is after `to` ({to})"
        )));
    }
    let mut select = directory_activity::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .order_by_desc(directory_activity::Column::HeldOn)
        .order_by_asc(directory_activity::Column::Id);
    if !filter.organizations.is_empty() {
        select = select.filter(
            directory_activity::Column::Organization.is_in(filter.organizations.iter().copied()),
        );
    }
    if let Some(from) = from {
        select = select.filter(directory_activity::Column::HeldOn.gte(from));
    }
    if let Some(to) = to {
        select = select.filter(directory_activity::Column::HeldOn.lte(to));
    }
    Ok(page.fetch(select, db).await?)
}

pub async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &DirectoryFilter<'_>,
    year: Option<i32>,
    page: Page,
) -> ApiResult<(i64, Vec<directory_award::Model>)> {
    let mut select = directory_award::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .order_by_asc(directory_award::Column::Id);
    if !filter.organizations.is_empty() {
        select = select.filter(
            directory_award::Column::Organization.is_in(filter.organizations.iter().copied()),
        );
    }
    if let Some(year) = year {
        select = select.filter(directory_award::Column::Year.eq(year));
    }
    Ok(page.fetch(select, db).await?)
}

pub async fn units_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<directory_unit::Model>> {
    Ok(directory_unit::Entity::find()
        .filter(directory_unit::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?)
}

pub async fn activities_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<directory_activity::Model>> {
    Ok(directory_activity::Entity::find()
        .filter(directory_activity::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?)
}

pub async fn awards_by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<directory_award::Model>> {
    Ok(directory_award::Entity::find()
        .filter(directory_award::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?)
}

//! The shared directory of every organisation's units, activities and awards.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Filters, Page};
use sea_orm::{ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

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
    use directory_unit::Column as U;
    let select = directory_unit::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .one_of(U::Organization, &filter.organizations)
        .equal(U::Kind, kind)
        .order_by_asc(U::Id);
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
    use directory_activity::Column as A;
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        return Err(ApiError::bad_input(format!(
            "`from` ({from}) is after `to` ({to})"
        )));
    }
    let select = directory_activity::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .one_of(A::Organization, &filter.organizations)
        .between(A::HeldOn, from, to)
        .order_by_desc(A::HeldOn)
        .order_by_asc(A::Id);
    Ok(page.fetch(select, db).await?)
}

pub async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &DirectoryFilter<'_>,
    year: Option<i32>,
    page: Page,
) -> ApiResult<(i64, Vec<directory_award::Model>)> {
    use directory_award::Column as A;
    let select = directory_award::Entity::find()
        .filter(region_condition(filter.region_code)?)
        .one_of(A::Organization, &filter.organizations)
        .equal(A::Year, year)
        .order_by_asc(A::Id);
    Ok(page.fetch(select, db).await?)
}

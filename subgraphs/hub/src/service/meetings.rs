//! Joint meetings.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Filters, Page, RegionLevel};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::entities::joint_meeting;

/// Filters of the meeting list.
#[derive(Debug, Default)]
pub struct MeetingFilter<'a> {
    /// `MONTHLY`, `QUARTERLY` or `ANNUAL`.
    pub cadence: Option<&'a str>,
    /// The city or one district (meetings are held at those levels).
    pub region_code: Option<&'a str>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

/// Meetings, newest first.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: MeetingFilter<'_>,
    page: Page,
) -> ApiResult<(i64, Vec<joint_meeting::Model>)> {
    use joint_meeting::Column as M;
    if let Some(code) = filter.region_code
        && !matches!(
            RegionLevel::of_code(code),
            Some(RegionLevel::City | RegionLevel::District)
        )
    {
        return Err(ApiError::bad_input(format!(
            "joint meetings are held by the city (510100) or a district; `regionCode` `{code}` is neither"
        )));
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(ApiError::bad_input(format!(
            "`from` ({from}) is after `to` ({to})"
        )));
    }
    let select = joint_meeting::Entity::find()
        .equal(M::Cadence, filter.cadence)
        .equal(M::RegionCode, filter.region_code)
        .between(M::HeldOn, filter.from, filter.to)
        .order_by_desc(M::HeldOn)
        .order_by_asc(M::Id);
    Ok(page.fetch(select, db).await?)
}

//! Joint meetings.

use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Page, RegionLevel};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

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
    let mut select = joint_meeting::Entity::find()
        .order_by_desc(joint_meeting::Column::HeldOn)
        .order_by_asc(joint_meeting::Column::Id);
    if let Some(cadence) = filter.cadence {
        select = select.filter(joint_meeting::Column::Cadence.eq(cadence));
    }
    if let Some(code) = filter.region_code {
        match RegionLevel::of_code(code) {
            Some(RegionLevel::City | RegionLevel::District) => {
                select = select.filter(joint_meeting::Column::RegionCode.eq(code));
            }
            _ => {
                return Err(ApiError::bad_input(format!(
                    "joint meetings are held by the city (510100) or a district; `regionCode` `{code}` is neither"
                )));
            }
        }
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        return Err(ApiError::bad_input(format!(
            "`from` ({from}) is after `to` ({to})"
        )));
    }
    if let Some(from) = filter.from {
        select = select.filter(joint_meeting::Column::HeldOn.gte(from));
    }
    if let Some(to) = filter.to {
        select = select.filter(joint_meeting::Column::HeldOn.lte(to));
    }
    Ok(page.fetch(select, db).await?)
}

//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Page};
use sea_orm::sea_query::SimpleExpr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

use super::region_filter::region_condition;
use crate::entity::{activity, award, branch, home, service_log, social_worker, volunteer};
use crate::ids;

/// Filters of `youthBranches`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthBranchFilter {
    /// A division code: the city, a district, street or community (and everything below).
    pub region_code: Option<String>,
    /// `团支部`, `团总支` or `团委`.
    pub kind: Option<String>,
    /// Part of the branch's name.
    pub name_contains: Option<String>,
}

/// Filters of `youthHomes`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthHomeFilter {
    pub region_code: Option<String>,
    /// The hub's service centre id (e.g. `sc-510104001`).
    pub service_center_id: Option<ID>,
    /// Part of the market partner's name.
    pub partner_contains: Option<String>,
}

/// Filters of `youthVolunteers`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthVolunteerFilter {
    pub region_code: Option<String>,
    /// Volunteers of one league branch (`youth-unit-000042`).
    pub branch_id: Option<ID>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
}

/// Filters of `youthActivities`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthActivityFilter {
    pub region_code: Option<String>,
    /// The scene, e.g. `青年交友`, `读书会`.
    pub kind: Option<String>,
    pub held_from: Option<NaiveDate>,
    pub held_to: Option<NaiveDate>,
    pub youth_home_id: Option<ID>,
}

/// Filters of `youthSocialWorkers`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthSocialWorkerFilter {
    pub region_code: Option<String>,
    pub specialty: Option<String>,
}

/// Filters of `youthAwards`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthAwardFilter {
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

/// Filters of `youthServiceLogs`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct YouthServiceLogFilter {
    pub region_code: Option<String>,
    pub volunteer_id: Option<ID>,
    pub served_from: Option<NaiveDate>,
    pub served_to: Option<NaiveDate>,
}

fn with_region<E: EntityTrait>(select: Select<E>, code: Option<&str>) -> ApiResult<Select<E>> {
    let condition: Option<SimpleExpr> = match code {
        Some(code) => region_condition(code)?,
        None => None,
    };
    Ok(match condition {
        Some(condition) => select.filter(condition),
        None => select,
    })
}

fn parse_id(kind: ids::IdKind, field: &str, id: &str) -> ApiResult<i64> {
    kind.parse(id).ok_or_else(|| {
        ApiError::bad_input(format!(
            "`{field}` is not a valid id of that kind: `{}`",
            id
        ))
    })
}

/// A substring pattern (a `%` or `_` typed by the caller only widens the match).
fn like(text: &str) -> String {
    format!("%{text}%")
}

pub(crate) async fn branches<C: ConnectionTrait>(
    db: &C,
    filter: &YouthBranchFilter,
    page: Page,
) -> ApiResult<(i64, Vec<branch::Model>)> {
    let mut select = with_region(branch::Entity::find(), filter.region_code.as_deref())?;
    if let Some(kind) = &filter.kind {
        select = select.filter(branch::Column::Kind.eq(kind.clone()));
    }
    if let Some(text) = &filter.name_contains {
        select = select.filter(branch::Column::Name.like(like(text)));
    }
    Ok(page
        .fetch(select.order_by_asc(branch::Column::Id), db)
        .await?)
}

pub(crate) async fn homes<C: ConnectionTrait>(
    db: &C,
    filter: &YouthHomeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<home::Model>)> {
    let mut select = with_region(home::Entity::find(), filter.region_code.as_deref())?;
    if let Some(center) = &filter.service_center_id {
        select = select.filter(home::Column::ServiceCenterId.eq(center.to_string()));
    }
    if let Some(text) = &filter.partner_contains {
        select = select.filter(home::Column::Partner.like(like(text)));
    }
    Ok(page
        .fetch(select.order_by_asc(home::Column::Id), db)
        .await?)
}

pub(crate) async fn volunteers<C: ConnectionTrait>(
    db: &C,
    filter: &YouthVolunteerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<volunteer::Model>)> {
    let mut select = with_region(volunteer::Entity::find(), filter.region_code.as_deref())?;
    if let Some(id) = &filter.branch_id {
        let branch = parse_id(ids::BRANCH, "branchId", id)?;
        select = select.filter(volunteer::Column::BranchId.eq(branch));
    }
    if let Some(from) = filter.registered_from {
        select = select.filter(volunteer::Column::RegisteredOn.gte(from));
    }
    if let Some(to) = filter.registered_to {
        select = select.filter(volunteer::Column::RegisteredOn.lte(to));
    }
    Ok(page
        .fetch(select.order_by_asc(volunteer::Column::Id), db)
        .await?)
}

pub(crate) async fn service_logs<C: ConnectionTrait>(
    db: &C,
    filter: &YouthServiceLogFilter,
    page: Page,
) -> ApiResult<(i64, Vec<service_log::Model>)> {
    let mut select = with_region(service_log::Entity::find(), filter.region_code.as_deref())?;
    if let Some(id) = &filter.volunteer_id {
        let volunteer = parse_id(ids::VOLUNTEER, "volunteerId", id)?;
        select = select.filter(service_log::Column::VolunteerId.eq(volunteer));
    }
    if let Some(from) = filter.served_from {
        select = select.filter(service_log::Column::ServedOn.gte(from));
    }
    if let Some(to) = filter.served_to {
        select = select.filter(service_log::Column::ServedOn.lte(to));
    }
    Ok(page
        .fetch(select.order_by_asc(service_log::Column::Id), db)
        .await?)
}

pub(crate) async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &YouthActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<activity::Model>)> {
    let mut select = with_region(activity::Entity::find(), filter.region_code.as_deref())?;
    if let Some(kind) = &filter.kind {
        select = select.filter(activity::Column::Kind.eq(kind.clone()));
    }
    if let Some(from) = filter.held_from {
        select = select.filter(activity::Column::HeldOn.gte(from));
    }
    if let Some(to) = filter.held_to {
        select = select.filter(activity::Column::HeldOn.lte(to));
    }
    if let Some(id) = &filter.youth_home_id {
        let home = parse_id(ids::HOME, "youthHomeId", id)?;
        select = select.filter(activity::Column::YouthHomeId.eq(home));
    }
    Ok(page
        .fetch(select.order_by_asc(activity::Column::Id), db)
        .await?)
}

pub(crate) async fn social_workers<C: ConnectionTrait>(
    db: &C,
    filter: &YouthSocialWorkerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<social_worker::Model>)> {
    let mut select = with_region(social_worker::Entity::find(), filter.region_code.as_deref())?;
    if let Some(specialty) = &filter.specialty {
        select = select.filter(social_worker::Column::Specialty.eq(specialty.clone()));
    }
    Ok(page
        .fetch(select.order_by_asc(social_worker::Column::Id), db)
        .await?)
}

pub(crate) async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &YouthAwardFilter,
    page: Page,
) -> ApiResult<(i64, Vec<award::Model>)> {
    let mut select = with_region(award::Entity::find(), filter.region_code.as_deref())?;
    if let Some(year) = filter.year {
        select = select.filter(award::Column::Year.eq(year));
    }
    Ok(page
        .fetch(select.order_by_asc(award::Column::Id), db)
        .await?)
}

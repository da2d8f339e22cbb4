//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{ApiResult, Filters, Page};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

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

pub(crate) async fn branches<C: ConnectionTrait>(
    db: &C,
    filter: &YouthBranchFilter,
    page: Page,
) -> ApiResult<(i64, Vec<branch::Model>)> {
    use branch::Column as B;
    let select = branch::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(B::Kind, filter.kind.clone())
        .containing(B::Name, filter.name_contains.as_deref());
    Ok(page.fetch(select.order_by_asc(B::Id), db).await?)
}

pub(crate) async fn homes<C: ConnectionTrait>(
    db: &C,
    filter: &YouthHomeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<home::Model>)> {
    use home::Column as H;
    let center = filter.service_center_id.as_ref().map(|c| c.0.clone());
    let select = home::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(H::ServiceCenterId, center)
        .containing(H::Partner, filter.partner_contains.as_deref());
    Ok(page.fetch(select.order_by_asc(H::Id), db).await?)
}

pub(crate) async fn volunteers<C: ConnectionTrait>(
    db: &C,
    filter: &YouthVolunteerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<volunteer::Model>)> {
    use volunteer::Column as V;
    let branch = ids::BRANCH.parse_optional("branchId", filter.branch_id.as_ref())?;
    let select = volunteer::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(V::BranchId, branch)
        .between(
            V::RegisteredOn,
            filter.registered_from,
            filter.registered_to,
        );
    Ok(page.fetch(select.order_by_asc(V::Id), db).await?)
}

pub(crate) async fn service_logs<C: ConnectionTrait>(
    db: &C,
    filter: &YouthServiceLogFilter,
    page: Page,
) -> ApiResult<(i64, Vec<service_log::Model>)> {
    use service_log::Column as L;
    let volunteer = ids::VOLUNTEER.parse_optional("volunteerId", filter.volunteer_id.as_ref())?;
    let select = service_log::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(L::VolunteerId, volunteer)
        .between(L::ServedOn, filter.served_from, filter.served_to);
    Ok(page.fetch(select.order_by_asc(L::Id), db).await?)
}

pub(crate) async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &YouthActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<activity::Model>)> {
    use activity::Column as A;
    let home = ids::HOME.parse_optional("youthHomeId", filter.youth_home_id.as_ref())?;
    let select = activity::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(A::Kind, filter.kind.clone())
        .between(A::HeldOn, filter.held_from, filter.held_to)
        .equal(A::YouthHomeId, home);
    Ok(page.fetch(select.order_by_asc(A::Id), db).await?)
}

pub(crate) async fn social_workers<C: ConnectionTrait>(
    db: &C,
    filter: &YouthSocialWorkerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<social_worker::Model>)> {
    use social_worker::Column as W;
    let select = social_worker::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(W::Specialty, filter.specialty.clone());
    Ok(page.fetch(select.order_by_asc(W::Id), db).await?)
}

pub(crate) async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &YouthAwardFilter,
    page: Page,
) -> ApiResult<(i64, Vec<award::Model>)> {
    let select = award::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(award::Column::Year, filter.year);
    Ok(page
        .fetch(select.order_by_asc(award::Column::Id), db)
        .await?)
}

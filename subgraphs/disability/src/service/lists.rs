//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{Enum, ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{ApiResult, Filters, Page, validate};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::entity::{award, organization, person, service, worker};
use crate::ids;

/// The disability categories of the registry (sensitive health data).
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum DisabilityCategory {
    /// 视力残疾
    Visual,
    /// 听力残疾
    Hearing,
    /// 言语残疾
    Speech,
    /// 肢体残疾
    Physical,
    /// 智力残疾
    Intellectual,
    /// 精神残疾
    Mental,
    /// 多重残疾
    Multiple,
}

impl DisabilityCategory {
    pub(crate) const ALL: [DisabilityCategory; 7] = [
        DisabilityCategory::Visual,
        DisabilityCategory::Hearing,
        DisabilityCategory::Speech,
        DisabilityCategory::Physical,
        DisabilityCategory::Intellectual,
        DisabilityCategory::Mental,
        DisabilityCategory::Multiple,
    ];

    /// The value stored in `disability_persons.category`.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            DisabilityCategory::Visual => "VISUAL",
            DisabilityCategory::Hearing => "HEARING",
            DisabilityCategory::Speech => "SPEECH",
            DisabilityCategory::Physical => "PHYSICAL",
            DisabilityCategory::Intellectual => "INTELLECTUAL",
            DisabilityCategory::Mental => "MENTAL",
            DisabilityCategory::Multiple => "MULTIPLE",
        }
    }

    pub(crate) fn parse(value: &str) -> Option<DisabilityCategory> {
        DisabilityCategory::ALL
            .into_iter()
            .find(|c| c.as_str() == value)
    }
}

/// Filters of `disabilityOrganizations`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabilityOrganizationFilter {
    /// A division code: the city, a district, street or community (and everything below).
    pub region_code: Option<String>,
    /// `社区（村）残疾人协会` or `专门协会`.
    pub kind: Option<String>,
    /// Part of the organisation's name.
    pub name_contains: Option<String>,
}

/// Filters of `disabilityWorkers`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabilityWorkerFilter {
    pub region_code: Option<String>,
    /// `专职` or `兼职`.
    pub role: Option<String>,
    /// Workers of one organisation (`disability-unit-000042`).
    pub organization_id: Option<ID>,
}

/// Filters of `disabledPersons`. Filtering by category or grade reveals sensitive data,
/// so it needs the `disability:sensitive` scope.
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabledPersonFilter {
    pub region_code: Option<String>,
    pub organization_id: Option<ID>,
    pub category: Option<DisabilityCategory>,
    /// 1 (most severe) to 4.
    pub grade: Option<i32>,
    pub registered_from: Option<NaiveDate>,
    pub registered_to: Option<NaiveDate>,
}

/// Filters of `disabilityActivities` (accessibility services).
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabilityActivityFilter {
    pub region_code: Option<String>,
    /// 无障碍出行服务, 康复指导, 就业帮扶 or 文体活动.
    pub kind: Option<String>,
    pub held_from: Option<NaiveDate>,
    pub held_to: Option<NaiveDate>,
    pub organization_id: Option<ID>,
}

/// Filters of `disabilityAwards`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct DisabilityAwardFilter {
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

pub(crate) async fn organizations<C: ConnectionTrait>(
    db: &C,
    filter: &DisabilityOrganizationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<organization::Model>)> {
    use organization::Column as O;
    let select = organization::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(O::Kind, filter.kind.clone())
        .containing(O::Name, filter.name_contains.as_deref());
    Ok(page.fetch(select.order_by_asc(O::Id), db).await?)
}

pub(crate) async fn workers<C: ConnectionTrait>(
    db: &C,
    filter: &DisabilityWorkerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<worker::Model>)> {
    use worker::Column as W;
    let organization =
        ids::ORGANIZATION.parse_optional("organizationId", filter.organization_id.as_ref())?;
    let select = worker::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(W::Role, filter.role.clone())
        .equal(W::OrganizationId, organization);
    Ok(page.fetch(select.order_by_asc(W::Id), db).await?)
}

pub(crate) async fn persons<C: ConnectionTrait>(
    db: &C,
    filter: &DisabledPersonFilter,
    page: Page,
) -> ApiResult<(i64, Vec<person::Model>)> {
    use person::Column as P;
    if let Some(grade) = filter.grade {
        validate::in_range("grade", 1..=4, grade)?;
    }
    let organization =
        ids::ORGANIZATION.parse_optional("organizationId", filter.organization_id.as_ref())?;
    let select = person::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(P::OrganizationId, organization)
        .equal(P::Category, filter.category.map(DisabilityCategory::as_str))
        .equal(P::Grade, filter.grade)
        .between(
            P::RegisteredOn,
            filter.registered_from,
            filter.registered_to,
        );
    Ok(page.fetch(select.order_by_asc(P::Id), db).await?)
}

pub(crate) async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &DisabilityActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<service::Model>)> {
    use service::Column as S;
    let organization =
        ids::ORGANIZATION.parse_optional("organizationId", filter.organization_id.as_ref())?;
    let select = service::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(S::Kind, filter.kind.clone())
        .between(S::HeldOn, filter.held_from, filter.held_to)
        .equal(S::OrganizationId, organization);
    Ok(page.fetch(select.order_by_asc(S::Id), db).await?)
}

pub(crate) async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &DisabilityAwardFilter,
    page: Page,
) -> ApiResult<(i64, Vec<award::Model>)> {
    let select = award::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(award::Column::Year, filter.year);
    Ok(page
        .fetch(select.order_by_asc(award::Column::Id), db)
        .await?)
}

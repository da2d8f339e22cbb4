//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{ApiResult, Filters, Page};
use sea_orm::{ConnectionTrait, EntityTrait, QueryOrder};

use crate::entity::{association, award, event, workstation};
use crate::ids;

/// Filters of `scienceAssociations`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceAssociationFilter {
    /// A division code: the city, a district, street or community (and everything below).
    pub region_code: Option<String>,
    /// `企业科协` or `事业单位科协`.
    pub kind: Option<String>,
    /// 智能制造, 生物医药, 电子信息, 现代农业, 新材料 or 绿色低碳.
    pub industry: Option<String>,
    /// Part of the association's name.
    pub name_contains: Option<String>,
}

/// Filters of `scienceWorkstations`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceWorkstationFilter {
    pub region_code: Option<String>,
    /// `院士工作站` or `专家工作站`.
    pub kind: Option<String>,
    /// The research field, e.g. 生物医药.
    pub field: Option<String>,
}

/// Filters of `scienceActivities`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceActivityFilter {
    pub region_code: Option<String>,
    /// 科普讲座, 科技周展览, 青少年科创营 or 科普进社区.
    pub kind: Option<String>,
    pub held_from: Option<NaiveDate>,
    pub held_to: Option<NaiveDate>,
    /// Events run by one association (`science-unit-000042`).
    pub association_id: Option<ID>,
}

/// Filters of `scienceAwards`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct ScienceAwardFilter {
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

pub(crate) async fn associations<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceAssociationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<association::Model>)> {
    use association::Column as A;
    let select = association::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(A::Kind, filter.kind.clone())
        .equal(A::Industry, filter.industry.clone())
        .containing(A::Name, filter.name_contains.as_deref());
    Ok(page.fetch(select.order_by_asc(A::Id), db).await?)
}

pub(crate) async fn workstations<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceWorkstationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<workstation::Model>)> {
    use workstation::Column as W;
    let select = workstation::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(W::Kind, filter.kind.clone())
        .equal(W::Field, filter.field.clone());
    Ok(page.fetch(select.order_by_asc(W::Id), db).await?)
}

pub(crate) async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<event::Model>)> {
    use event::Column as E;
    let association =
        ids::ASSOCIATION.parse_optional("associationId", filter.association_id.as_ref())?;
    let select = event::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(E::Kind, filter.kind.clone())
        .between(E::HeldOn, filter.held_from, filter.held_to)
        .equal(E::AssociationId, association);
    Ok(page.fetch(select.order_by_asc(E::Id), db).await?)
}

pub(crate) async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceAwardFilter,
    page: Page,
) -> ApiResult<(i64, Vec<award::Model>)> {
    let select = award::Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(award::Column::Year, filter.year);
    Ok(page
        .fetch(select.order_by_asc(award::Column::Id), db)
        .await?)
}

//! Filtered, paginated listings. Each returns the total over all pages and one page,
//! ordered by id so pages are stable.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::{ApiError, ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, Select};

use super::region_filter::region_condition;
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

fn with_region<E: EntityTrait>(select: Select<E>, code: Option<&str>) -> ApiResult<Select<E>> {
    Ok(match code.map(region_condition).transpose()?.flatten() {
        Some(condition) => select.filter(condition),
        None => select,
    })
}

/// A substring pattern (a `%` or `_` typed by the caller only widens the match).
fn like(text: &str) -> String {
    format!("%{text}%")
}

pub(crate) async fn associations<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceAssociationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<association::Model>)> {
    let mut select = with_region(association::Entity::find(), filter.region_code.as_deref())?;
    if let Some(kind) = &filter.kind {
        select = select.filter(association::Column::Kind.eq(kind.clone()));
    }
    if let Some(industry) = &filter.industry {
        select = select.filter(association::Column::Industry.eq(industry.clone()));
    }
    if let Some(text) = &filter.name_contains {
        select = select.filter(association::Column::Name.like(like(text)));
    }
    Ok(page
        .fetch(select.order_by_asc(association::Column::Id), db)
        .await?)
}

pub(crate) async fn workstations<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceWorkstationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<workstation::Model>)> {
    let mut select = with_region(workstation::Entity::find(), filter.region_code.as_deref())?;
    if let Some(kind) = &filter.kind {
        select = select.filter(workstation::Column::Kind.eq(kind.clone()));
    }
    if let Some(field) = &filter.field {
        select = select.filter(workstation::Column::Field.eq(field.clone()));
    }
    Ok(page
        .fetch(select.order_by_asc(workstation::Column::Id), db)
        .await?)
}

pub(crate) async fn activities<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<event::Model>)> {
    let mut select = with_region(event::Entity::find(), filter.region_code.as_deref())?;
    if let Some(kind) = &filter.kind {
        select = select.filter(event::Column::Kind.eq(kind.clone()));
    }
    if let Some(from) = filter.held_from {
        select = select.filter(event::Column::HeldOn.gte(from));
    }
    if let Some(to) = filter.held_to {
        select = select.filter(event::Column::HeldOn.lte(to));
    }
    if let Some(id) = &filter.association_id {
        let association = ids::ASSOCIATION.parse(id).ok_or_else(|| {
            ApiError::bad_input(format!(
                "`associationId` is not an association id: `{}`",
                id.as_str()
            ))
        })?;
        select = select.filter(event::Column::AssociationId.eq(association));
    }
    Ok(page
        .fetch(select.order_by_asc(event::Column::Id), db)
        .await?)
}

pub(crate) async fn awards<C: ConnectionTrait>(
    db: &C,
    filter: &ScienceAwardFilter,
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

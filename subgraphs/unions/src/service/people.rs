//! Union social workers and craftsmen (records holding personal data; the GraphQL layer
//! guards those fields).

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::enums::{CraftsmanLevel, UnionSocialWorkerSpecialty};
use crate::model::{craftsman, union_social_worker};

#[derive(Clone, Debug, Default, InputObject)]
pub struct UnionSocialWorkerFilter {
    /// Only workers in this region and below.
    pub region_code: Option<String>,
    pub specialty: Option<UnionSocialWorkerSpecialty>,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
}

pub async fn list_social_workers<C: ConnectionTrait>(
    db: &C,
    filter: &UnionSocialWorkerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<union_social_worker::Model>)> {
    use union_social_worker::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(specialty) = filter.specialty {
        condition = condition.add(Column::Specialty.eq(specialty));
    }
    if let Some(union_id) = &filter.union_id {
        condition = condition.add(Column::UnionId.eq(union_id.as_str()));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

#[derive(Clone, Debug, Default, InputObject)]
pub struct CraftsmanFilter {
    /// Only craftsmen in this region and below.
    pub region_code: Option<String>,
    pub level: Option<CraftsmanLevel>,
    /// Only craftsmen of this trade (exact), e.g. `数控加工`.
    pub trade: Option<String>,
    pub honoured_year: Option<i32>,
}

pub async fn list_craftsmen<C: ConnectionTrait>(
    db: &C,
    filter: &CraftsmanFilter,
    page: Page,
) -> ApiResult<(i64, Vec<craftsman::Model>)> {
    use craftsman::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(level) = filter.level {
        condition = condition.add(Column::Level.eq(level));
    }
    if let Some(trade) = &filter.trade {
        condition = condition.add(Column::Trade.eq(trade.as_str()));
    }
    if let Some(year) = filter.honoured_year {
        condition = condition.add(Column::HonouredYear.eq(year));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

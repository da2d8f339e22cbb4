//! Workers' homes, including model workers' homes by level.

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::enums::ModelHomeLevel;
use crate::model::workers_home::{Column, Entity, Model};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WorkersHomeFilter {
    /// Only homes in this region and below.
    pub region_code: Option<String>,
    /// Only model workers' homes of this level.
    pub model_level: Option<ModelHomeLevel>,
    /// `true`: only model homes (any level); `false`: only ordinary homes.
    pub model: Option<bool>,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &WorkersHomeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(level) = filter.model_level {
        condition = condition.add(Column::ModelLevel.eq(level));
    }
    match filter.model {
        Some(true) => condition = condition.add(Column::ModelLevel.is_not_null()),
        Some(false) => condition = condition.add(Column::ModelLevel.is_null()),
        None => {}
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

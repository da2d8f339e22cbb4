//! Workers' homes, including model workers' homes by level.

use std::collections::HashMap;

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{group_by_key, region_condition, rows_where_in};
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

/// The homes of each of these unions, by id.
pub async fn by_union_ids<C: ConnectionTrait>(
    db: &C,
    union_ids: &[String],
) -> ApiResult<HashMap<String, Vec<Model>>> {
    let rows = rows_where_in::<Entity, _>(db, Column::UnionId, union_ids, Column::Id).await?;
    Ok(group_by_key(rows, |m| m.union_id.clone()))
}

/// The homes housed in each of these service centres, by id.
pub async fn by_center_ids<C: ConnectionTrait>(
    db: &C,
    center_ids: &[String],
) -> ApiResult<HashMap<String, Vec<Model>>> {
    let rows =
        rows_where_in::<Entity, _>(db, Column::ServiceCenterId, center_ids, Column::Id).await?;
    Ok(group_by_key(rows, |m| {
        m.service_center_id.clone().unwrap_or_default()
    }))
}

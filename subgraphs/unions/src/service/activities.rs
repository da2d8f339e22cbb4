//! Union activities (themed lecture events).

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::union_activity::{Column, Entity, Model};

#[derive(Clone, Debug, Default, InputObject)]
pub struct UnionActivityFilter {
    /// Only activities held in this region and below.
    pub region_code: Option<String>,
    /// Only activities held on or after this day.
    pub held_from: Option<NaiveDate>,
    /// Only activities held on or before this day.
    pub held_to: Option<NaiveDate>,
    pub service_center_id: Option<String>,
}

/// One page of activities, latest first, and the total count.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &UnionActivityFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(from) = filter.held_from {
        condition = condition.add(Column::HeldOn.gte(from));
    }
    if let Some(to) = filter.held_to {
        condition = condition.add(Column::HeldOn.lte(to));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    let select = Entity::find()
        .filter(condition)
        .order_by_desc(Column::HeldOn)
        .order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

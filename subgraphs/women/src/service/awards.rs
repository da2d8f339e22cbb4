//! March 8th Red Banner collectives.

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::red_banner_collective::{Column, Entity, Model};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenAwardFilter {
    /// Only collectives in this region and below.
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &WomenAwardFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(year) = filter.year {
        condition = condition.add(Column::Year.eq(year));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

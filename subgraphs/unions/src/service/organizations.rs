//! Labour-sector social organisations.

use std::collections::HashMap;

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{group_by_key, region_condition, rows_where_in};
use crate::model::enums::LaborSocialOrganizationField;
use crate::model::labor_social_organization::{Column, Entity, Model};

#[derive(Clone, Debug, Default, InputObject)]
pub struct LaborSocialOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub field: Option<LaborSocialOrganizationField>,
    pub service_center_id: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &LaborSocialOrganizationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(field) = filter.field {
        condition = condition.add(Column::Field.eq(field));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

/// The organisations based at each of these service centres, by id.
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

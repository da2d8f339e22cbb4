//! Labour-sector social organisations.

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
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

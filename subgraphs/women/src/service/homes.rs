//! Women's homes and children's homes.

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::{childrens_home, womens_home};

/// Filters shared by the women's-home and children's-home lists.
#[derive(Clone, Debug, Default, InputObject)]
pub struct HomeFilter {
    /// Only homes in this region and below.
    pub region_code: Option<String>,
    /// Only homes run by this women's organisation.
    pub organization_id: Option<String>,
    /// Only homes housed in this shared service centre.
    pub service_center_id: Option<String>,
}

pub async fn list_womens_homes<C: ConnectionTrait>(
    db: &C,
    filter: &HomeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<womens_home::Model>)> {
    use womens_home::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(organization) = &filter.organization_id {
        condition = condition.add(Column::OrganizationId.eq(organization.as_str()));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

pub async fn list_childrens_homes<C: ConnectionTrait>(
    db: &C,
    filter: &HomeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<childrens_home::Model>)> {
    use childrens_home::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(organization) = &filter.organization_id {
        condition = condition.add(Column::OrganizationId.eq(organization.as_str()));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

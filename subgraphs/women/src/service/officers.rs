//! Federation officers (chairs, vice-chairs, executive members).

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer::{Column, Entity, Model};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenOfficerFilter {
    /// Only officers of organisations in this region and below.
    pub region_code: Option<String>,
    pub role: Option<WomenOfficerRole>,
    pub organization_id: Option<String>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &WomenOfficerFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(role) = filter.role {
        condition = condition.add(Column::Role.eq(role));
    }
    if let Some(organization) = &filter.organization_id {
        condition = condition.add(Column::OrganizationId.eq(organization.as_str()));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

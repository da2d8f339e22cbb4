//! Federation officers (chairs, vice-chairs, executive members).

use std::collections::HashMap;

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::{group_by_key, region_condition, rows_where_in};
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

/// The officers of each of these organisations, by organisation id.
pub async fn by_organization_ids<C: ConnectionTrait>(
    db: &C,
    organization_ids: &[String],
) -> ApiResult<HashMap<String, Vec<Model>>> {
    let rows = rows_where_in::<Entity, _>(db, Column::OrganizationId, organization_ids, Column::Id)
        .await?;
    Ok(group_by_key(rows, |m| m.organization_id.clone()))
}

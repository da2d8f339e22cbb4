//! Women's organisations and supported social organisations.

use async_graphql::InputObject;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::model::enums::{WomenOrganizationKind, WomenSocialOrganizationField};
use crate::model::{women_organization, women_social_organization};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub kind: Option<WomenOrganizationKind>,
}

pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &WomenOrganizationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<women_organization::Model>)> {
    use women_organization::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(kind) = filter.kind {
        condition = condition.add(Column::Kind.eq(kind));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenSocialOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub field: Option<WomenSocialOrganizationField>,
}

pub async fn list_social<C: ConnectionTrait>(
    db: &C,
    filter: &WomenSocialOrganizationFilter,
    page: Page,
) -> ApiResult<(i64, Vec<women_social_organization::Model>)> {
    use women_social_organization::{Column, Entity};
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(field) = filter.field {
        condition = condition.add(Column::Field.eq(field));
    }
    let select = Entity::find().filter(condition).order_by_asc(Column::Id);
    Ok(page.fetch(select, db).await?)
}

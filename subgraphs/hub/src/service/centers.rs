//! Shared service centres and their ratings.

use quntuan_kit::{ApiResult, Filters, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use super::region_condition;
use crate::entities::{satisfaction_rating, service_center};

/// Centres in a region (and below) and/or of a kind, ordered by id.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    region_code: Option<&str>,
    kind: Option<&str>,
    page: Page,
) -> ApiResult<(i64, Vec<service_center::Model>)> {
    let select = service_center::Entity::find()
        .filter(region_condition(region_code)?)
        .equal(service_center::Column::Kind, kind)
        .order_by_asc(service_center::Column::Id);
    Ok(page.fetch(select, db).await?)
}

/// Ratings of one centre, newest first.
pub async fn ratings<C: ConnectionTrait>(
    db: &C,
    center_id: &str,
    page: Page,
) -> ApiResult<(i64, Vec<satisfaction_rating::Model>)> {
    let select = satisfaction_rating::Entity::find()
        .filter(satisfaction_rating::Column::ServiceCenterId.eq(center_id))
        .order_by_desc(satisfaction_rating::Column::RatedAt)
        .order_by_desc(satisfaction_rating::Column::Id);
    Ok(page.fetch(select, db).await?)
}

//! Shared service centres and their ratings.

use quntuan_kit::{ApiResult, Page};
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
    let mut select = service_center::Entity::find()
        .filter(region_condition(region_code)?)
        .order_by_asc(service_center::Column::Id);
    if let Some(kind) = kind {
        select = select.filter(service_center::Column::Kind.eq(kind));
    }
    Ok(page.fetch(select, db).await?)
}

pub async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<Vec<service_center::Model>> {
    Ok(service_center::Entity::find()
        .filter(service_center::Column::Id.is_in(ids.iter().cloned()))
        .all(db)
        .await?)
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

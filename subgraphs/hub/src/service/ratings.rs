//! Satisfaction ratings: `rate` validates, then writes the rating and the centre's totals in
//! one write transaction (retried when a concurrent writer gets in the way) (nothing is written when any step fails).

use chrono::{DateTime, Utc};
use quntuan_kit::{ApiError, ApiResult, validate, write_transaction};
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, QueryFilter, Set,
};

use crate::entities::{satisfaction_rating, service_center};

pub const MAX_COMMENT_CHARS: usize = 500;

/// A rating as the caller submits it.
#[derive(Debug)]
pub struct NewRating<'a> {
    pub service_center_id: &'a str,
    /// Stored organisation name (e.g. `youth`) when one organisation's service is rated.
    pub organization: Option<&'a str>,
    pub score: i32,
    pub comment: Option<&'a str>,
    pub rated_by: &'a str,
}

pub async fn rate(
    db: &DatabaseConnection,
    new: NewRating<'_>,
    now: DateTime<Utc>,
) -> ApiResult<satisfaction_rating::Model> {
    validate::in_range("score", 1..=5, new.score)?;
    let comment = new.comment.map(str::trim).filter(|c| !c.is_empty());
    if let Some(c) = comment {
        let chars = c.chars().count();
        if chars > MAX_COMMENT_CHARS {
            return Err(ApiError::bad_input(format!(
                "`comment` must be at most {MAX_COMMENT_CHARS} characters, got {chars}"
            )));
        }
    }
    let rating = satisfaction_rating::ActiveModel {
        id: NotSet,
        service_center_id: Set(new.service_center_id.to_string()),
        organization: Set(new.organization.map(str::to_string)),
        score: Set(new.score as i16),
        comment: Set(comment.map(str::to_string)),
        rated_at: Set(now),
        rated_by: Set(new.rated_by.to_string()),
    };
    write_transaction(db, "rating a service centre", |txn| {
        Box::pin(insert_rating(txn, rating.clone(), i64::from(new.score)))
    })
    .await
}

/// The statements of [`rate`]: the rating, and the centre's totals incremented in SQL so
/// that concurrent ratings only wait for each other and never lose an update.
async fn insert_rating(
    txn: &DatabaseTransaction,
    rating: satisfaction_rating::ActiveModel,
    score: i64,
) -> ApiResult<satisfaction_rating::Model> {
    let center_id = rating.service_center_id.as_ref().clone();
    let exists = service_center::Entity::find_by_id(center_id.clone())
        .one(txn)
        .await?;
    if exists.is_none() {
        return Err(ApiError::not_found("service centre", &center_id));
    }
    let rating = rating.insert(txn).await?;
    service_center::Entity::update_many()
        .col_expr(
            service_center::Column::RatingCount,
            Expr::col(service_center::Column::RatingCount).add(1),
        )
        .col_expr(
            service_center::Column::RatingSum,
            Expr::col(service_center::Column::RatingSum).add(score),
        )
        .filter(service_center::Column::Id.eq(center_id.as_str()))
        .exec(txn)
        .await?;
    Ok(rating)
}

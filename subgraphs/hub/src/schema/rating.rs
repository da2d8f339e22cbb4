//! Satisfaction ratings of the service centres.

use async_graphql::{Context, ID, InputObject, Object};
use chrono::{DateTime, Utc};
use quntuan_kit::ApiError;

use super::center::ServiceCenter;
use super::loaders;
use crate::entities::satisfaction_rating;
use quntuan_kit::organization::Organization;

/// One rating of a service centre (1 = very dissatisfied, 5 = very satisfied).
pub struct SatisfactionRating(pub(crate) satisfaction_rating::Model);

quntuan_kit::connection!(
    /// A page of satisfaction ratings.
    SatisfactionRatingConnection,
    SatisfactionRating
);

#[Object]
impl SatisfactionRating {
    async fn id(&self) -> String {
        self.0.id.to_string()
    }

    async fn service_center(&self, ctx: &Context<'_>) -> async_graphql::Result<ServiceCenter> {
        let id = &self.0.service_center_id;
        let row = loaders(ctx)?.centers.load_one(id.clone()).await?;
        row.map(ServiceCenter)
            .ok_or_else(|| ApiError::not_found("service centre", id).into())
    }

    /// The organisation whose service was rated; null when the venue as a whole was rated.
    async fn organization(&self) -> Option<Organization> {
        self.0
            .organization
            .as_deref()
            .and_then(Organization::from_stored)
    }

    async fn score(&self) -> i32 {
        i32::from(self.0.score)
    }

    async fn comment(&self) -> Option<&str> {
        self.0.comment.as_deref()
    }

    async fn rated_at(&self) -> DateTime<Utc> {
        self.0.rated_at
    }
}

/// A rating to record.
#[derive(InputObject)]
pub struct RateServiceInput {
    pub service_center_id: ID,
    /// 1 to 5.
    pub score: i32,
    /// The organisation whose service is rated, if one.
    pub organization: Option<Organization>,
    /// At most 500 characters.
    pub comment: Option<String>,
}

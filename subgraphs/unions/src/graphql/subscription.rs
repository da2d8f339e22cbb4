//! Subscriptions: `laborDisputeChanged`, an event after each committed receipt or step of a
//! case (see `service::events`), answered with the case as it is when delivered.

use async_graphql::{Context, Subscription};
use futures::Stream;
use quntuan_kit::ApiError;
use quntuan_kit::events::subscribe_in_region;

use super::db;
use super::dispute::LaborDispute;
use crate::service::disputes;
use crate::service::events::{DISPUTE_TOPIC, DisputeChanged};

#[derive(Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// A labour dispute received, or moved a step along its workflow, in the region
    /// `regionCode` and below (every region without it): the case after the change.
    async fn labor_dispute_changed(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<LaborDispute>> + use<>>
    {
        subscribe_in_region(
            ctx,
            db(ctx)?,
            DISPUTE_TOPIC,
            region_code,
            |db, change: DisputeChanged| async move {
                let id = change.dispute_id;
                let case = disputes::by_ids(&db, std::slice::from_ref(&id))
                    .await?
                    .remove(&id);
                case.map(LaborDispute)
                    .ok_or_else(|| ApiError::not_found("labour dispute", &id))
            },
        )
    }
}

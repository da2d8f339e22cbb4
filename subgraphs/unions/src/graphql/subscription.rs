//! Subscriptions: `laborDisputeChanged`, an event after each committed receipt or step of a
//! case (see `service::events`), answered with the case as it is when delivered.

use async_graphql::{Context, Subscription};
use futures::{Stream, StreamExt};
use quntuan_kit::events::{in_region, region_argument};
use quntuan_kit::{ApiError, EventBus};

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
        let region_code = region_argument(region_code)?;
        let db = db(ctx)?.clone();
        let changes = EventBus::of(ctx)
            .subscribe_to::<DisputeChanged>(DISPUTE_TOPIC)
            .filter(move |change| {
                std::future::ready(in_region(region_code.as_deref(), change.region_codes()))
            });
        Ok(changes.then(move |change| {
            let db = db.clone();
            async move {
                let ids = [change.dispute_id.clone()];
                let mut found = disputes::by_ids(&db, &ids).await?;
                match found.remove(&change.dispute_id) {
                    Some(case) => Ok(LaborDispute(case)),
                    None => Err(ApiError::not_found("labour dispute", &change.dispute_id).into()),
                }
            }
        }))
    }
}

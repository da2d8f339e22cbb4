//! Subscriptions: `rightsAssistanceRecorded`, an event after each committed record (see
//! `service::events`), answered with the record as stored.

use async_graphql::{Context, Subscription};
use futures::{Stream, StreamExt};
use quntuan_kit::events::{in_region, region_argument};
use quntuan_kit::{ApiError, EventBus};

use super::db;
use super::dispute::RightsAssistance;
use crate::service::events::{self, ASSISTANCE_TOPIC, AssistanceRecorded};

pub struct Subscription;

#[Subscription]
impl Subscription {
    /// Rights assistance recorded by a women's organisation in the region `regionCode` and
    /// below (every region without it).
    async fn rights_assistance_recorded(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<RightsAssistance>> + use<>>
    {
        let region_code = region_argument(region_code)?;
        let db = db(ctx)?.clone();
        let records = EventBus::of(ctx)
            .subscribe_to::<AssistanceRecorded>(ASSISTANCE_TOPIC)
            .filter(move |recorded| {
                std::future::ready(in_region(region_code.as_deref(), recorded.region_codes()))
            });
        Ok(records.then(move |recorded| {
            let db = db.clone();
            async move {
                let id = recorded.assistance_id;
                match events::assistance(&db, &id).await? {
                    Some(row) => Ok(RightsAssistance(row)),
                    None => Err(ApiError::not_found("rights assistance", &id).into()),
                }
            }
        }))
    }
}

//! Subscriptions: `rightsAssistanceRecorded`, an event after each committed record (see
//! `service::events`), answered with the record as stored.

use async_graphql::{Context, Subscription};
use futures::Stream;
use quntuan_kit::ApiError;
use quntuan_kit::events::subscribe_in_region;

use super::db;
use super::dispute::RightsAssistance;
use crate::service::events::{self, ASSISTANCE_TOPIC, AssistanceRecorded};

#[derive(Default)]
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
        subscribe_in_region(
            ctx,
            db(ctx)?,
            ASSISTANCE_TOPIC,
            region_code,
            |db, recorded: AssistanceRecorded| async move {
                let id = recorded.assistance_id;
                let row = events::assistance(&db, &id).await?;
                row.map(RightsAssistance)
                    .ok_or_else(|| ApiError::not_found("rights assistance", &id))
            },
        )
    }
}

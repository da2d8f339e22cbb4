//! Subscriptions: `volunteerRegistered`, an event after each committed registration (see
//! `service::events`), answered with the volunteer as stored.

use async_graphql::{Context, Subscription};
use futures::{Stream, StreamExt};
use quntuan_kit::events::{in_region, region_argument};
use quntuan_kit::{ApiError, EventBus};

use super::app;
use super::objects::YouthVolunteer;
use crate::ids;
use crate::service::events::{self, VOLUNTEER_TOPIC, VolunteerRegistered};

#[derive(Default)]
pub struct Subscription;

#[Subscription]
impl Subscription {
    /// A youth volunteer registered in the region `regionCode` and below (every region
    /// without it).
    async fn volunteer_registered(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
    ) -> async_graphql::Result<impl Stream<Item = async_graphql::Result<YouthVolunteer>> + use<>>
    {
        let region_code = region_argument(region_code)?;
        let db = app(ctx)?.db.clone();
        let registrations = EventBus::of(ctx)
            .subscribe_to::<VolunteerRegistered>(VOLUNTEER_TOPIC)
            .filter(move |registered| {
                std::future::ready(in_region(region_code.as_deref(), registered.region_codes()))
            });
        Ok(registrations.then(move |registered| {
            let db = db.clone();
            async move {
                let id = registered.volunteer_id;
                match events::volunteer(&db, id).await? {
                    Some(row) => Ok(YouthVolunteer(row)),
                    None => {
                        Err(ApiError::not_found("volunteer", &ids::VOLUNTEER.format(id)).into())
                    }
                }
            }
        }))
    }
}

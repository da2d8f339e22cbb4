//! Subscriptions: `rightsAssistanceRecorded`, an event after each committed record (see
//! `service::events`), answered with the record as stored.

use quntuan_kit::ApiError;

use super::db;
use super::dispute::RightsAssistance;
use crate::service::events::{self, ASSISTANCE_TOPIC, AssistanceRecorded};

quntuan_kit::region_subscription! {
    /// Rights assistance recorded by a women's organisation in the region `regionCode` and
    /// below (every region without it).
    rights_assistance_recorded(ctx) -> RightsAssistance = db(ctx)?, ASSISTANCE_TOPIC,
        |db, recorded: AssistanceRecorded| async move {
            let id = recorded.assistance_id;
            let row = events::assistance(&db, &id).await?;
            row.map(RightsAssistance)
                .ok_or_else(|| ApiError::not_found("rights assistance", &id))
        };
}

//! Subscriptions: `laborDisputeChanged`, an event after each committed receipt or step of a
//! case (see `service::events`), answered with the case as it is when delivered.

use quntuan_kit::ApiError;

use super::db;
use super::dispute::LaborDispute;
use crate::service::disputes;
use crate::service::events::{DISPUTE_TOPIC, DisputeChanged};

quntuan_kit::region_subscription! {
    /// A labour dispute received, or moved a step along its workflow, in the region
    /// `regionCode` and below (every region without it): the case after the change.
    labor_dispute_changed(ctx) -> LaborDispute = db(ctx)?, DISPUTE_TOPIC,
        |db, change: DisputeChanged| async move {
            let id = change.dispute_id;
            let case = disputes::by_ids(&db, std::slice::from_ref(&id))
                .await?
                .remove(&id);
            case.map(LaborDispute)
                .ok_or_else(|| ApiError::not_found("labour dispute", &id))
        };
}

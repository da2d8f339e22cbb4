//! What the women's mutations publish once their transaction commits: rights assistance
//! recorded on a labour-dispute case (for `rightsAssistanceRecorded`). The event names the
//! record, its case and its region only; the subscription loads the record, so the note (a
//! claimant's situation) keeps its scope and never travels on the bus.

use quntuan_kit::{ApiResult, Event};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::model::rights_assistance::{Entity, Model};

/// Topic of [`AssistanceRecorded`].
pub(crate) const ASSISTANCE_TOPIC: &str = "women.rightsAssistanceRecorded";

quntuan_kit::located_event! {
    pub(crate) struct AssistanceRecorded {
        pub(crate) assistance_id: String,
        pub(crate) dispute_id: String,
    }
}

pub(crate) fn assistance_recorded(row: &Model) -> Event {
    Event::new(
        ASSISTANCE_TOPIC,
        &AssistanceRecorded {
            assistance_id: row.id.clone(),
            dispute_id: row.dispute_id.clone(),
            region_code: row.region_code.clone(),
            street_code: row.street_code.clone(),
            district_code: row.district_code.clone(),
        },
    )
}

/// The record an event names, read when the event is delivered.
pub(crate) async fn assistance(db: &DatabaseConnection, id: &str) -> ApiResult<Option<Model>> {
    Ok(Entity::find_by_id(id).one(db).await?)
}

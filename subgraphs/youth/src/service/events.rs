//! What the youth mutations publish once their transaction commits: a volunteer registered
//! (for `volunteerRegistered`; the id and region only, the subscription loads the record
//! under the caller's scopes). An activity recorded goes to hub's directory as the kit's
//! `activity_recorded!`.

use quntuan_kit::{ApiResult, Event};
use sea_orm::{DatabaseConnection, EntityTrait};

use crate::entity::volunteer;

/// Topic of [`VolunteerRegistered`].
pub(crate) const VOLUNTEER_TOPIC: &str = "youth.volunteerRegistered";

quntuan_kit::located_event! {
    pub(crate) struct VolunteerRegistered {
        pub(crate) volunteer_id: i64,
    }
}

pub(crate) fn volunteer_registered(row: &volunteer::Model) -> Event {
    Event::new(
        VOLUNTEER_TOPIC,
        &VolunteerRegistered {
            volunteer_id: row.id,
            region_code: row.region_code.clone(),
            street_code: row.street_code.clone(),
            district_code: row.district_code.clone(),
        },
    )
}

/// The volunteer an event names, read when the event is delivered.
pub(crate) async fn volunteer(
    db: &DatabaseConnection,
    id: i64,
) -> ApiResult<Option<volunteer::Model>> {
    Ok(volunteer::Entity::find_by_id(id).one(db).await?)
}

//! What the science mutations publish once their transaction commits: an activity recorded,
//! as a row of hub's shared directory.

use quntuan_kit::Event;
use quntuan_kit::catalog::Org;
use quntuan_kit::events::directory::ActivityRecorded;

use crate::entity::event;
use crate::ids;

pub(crate) fn activity_recorded(row: &event::Model) -> Event {
    ActivityRecorded {
        id: ids::ACTIVITY.format(row.id),
        organization: Org::Science.as_str().to_string(),
        title: row.title.clone(),
        kind: row.kind.clone(),
        held_on: row.held_on,
        participant_count: row.participant_count,
        region_code: row.region_code.clone(),
        street_code: row.street_code.clone(),
        district_code: row.district_code.clone(),
    }
    .event()
}

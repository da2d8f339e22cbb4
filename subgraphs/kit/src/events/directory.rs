//! The directory events: a grassroots unit registered or an activity recorded through an
//! organisation's mutation, with every column of hub's directory row, so hub can upsert
//! the row from the event alone. These are public directory data (no personal fields).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::{Event, Feed};

/// Topic of [`UnitRegistered`].
pub const UNIT_TOPIC: &str = "directory.unit";
/// Topic of [`ActivityRecorded`].
pub const ACTIVITY_TOPIC: &str = "directory.activity";

/// The directory's topics, kept for hub in a stream when the bus goes through Redis, so hub
/// applies what was published while it was down.
pub const FEED: Feed = Feed {
    name: "directory",
    topics: &[UNIT_TOPIC, ACTIVITY_TOPIC],
};

/// A grassroots unit as hub's directory lists it. `organization` is the stored name
/// (`catalog::Org::as_str`: `unions`, `youth`, ...).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct UnitRegistered {
    pub id: String,
    pub organization: String,
    pub name: String,
    pub kind: String,
    pub founded_on: NaiveDate,
    pub member_count: i32,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

/// An activity as hub's directory lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActivityRecorded {
    pub id: String,
    pub organization: String,
    pub title: String,
    pub kind: String,
    pub held_on: NaiveDate,
    pub participant_count: i32,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

impl UnitRegistered {
    pub fn event(&self) -> Event {
        Event::new(UNIT_TOPIC, self)
    }
}

impl ActivityRecorded {
    pub fn event(&self) -> Event {
        Event::new(ACTIVITY_TOPIC, self)
    }
}

/// The [`ActivityRecorded`] event of an activity an organisation just inserted: `$row` is
/// its table's model, whose directory columns carry the same names in every organisation
/// (a macro, since the models are distinct types), `$id` its public id and `$org` its
/// [`Org`](crate::catalog::Org).
///
/// ```ignore
/// let recorded = quntuan_kit::activity_recorded!(Org::Youth, ids::ACTIVITY.format(row.id), &row);
/// ```
#[macro_export]
macro_rules! activity_recorded {
    ($org:expr, $id:expr, $row:expr) => {{
        let row = $row;
        $crate::events::directory::ActivityRecorded {
            id: $id,
            organization: $org.as_str().to_string(),
            title: row.title.clone(),
            kind: row.kind.clone(),
            held_on: row.held_on,
            participant_count: row.participant_count,
            region_code: row.region_code.clone(),
            street_code: row.street_code.clone(),
            district_code: row.district_code.clone(),
        }
        .event()
    }};
}

//! What the unions' mutations publish once their transaction commits: a labour dispute
//! received or moved a step (for `laborDisputeChanged`), and a grassroots union registered
//! (for hub's directory). The dispute event carries ids, status and region codes only; the
//! subscription loads the case when it answers, so personal data never leaves the database
//! through the bus.

use quntuan_kit::Event;
use quntuan_kit::catalog::Org;
use quntuan_kit::events::directory::UnitRegistered;

use crate::model::{grassroots_union, labor_dispute};

/// Topic of [`DisputeChanged`].
pub const DISPUTE_TOPIC: &str = "unions.laborDispute";

quntuan_kit::located_event! {
    /// A case was received (`seq` 1) or moved to `status` by its step `seq`.
    pub struct DisputeChanged {
        pub dispute_id: String,
        pub status: String,
        pub seq: i32,
    }
}

/// The event of `case` after its step `seq`.
pub fn dispute_changed(case: &labor_dispute::Model, seq: i32) -> Event {
    Event::new(
        DISPUTE_TOPIC,
        &DisputeChanged {
            dispute_id: case.id.clone(),
            status: case.status.as_str().to_string(),
            seq,
            region_code: case.region_code.clone(),
            street_code: case.street_code.clone(),
            district_code: case.district_code.clone(),
        },
    )
}

/// The directory row of a newly registered union, as hub lists it.
pub fn union_registered(union: &grassroots_union::Model) -> Event {
    UnitRegistered {
        id: union.id.clone(),
        organization: Org::Unions.as_str().to_string(),
        name: union.name.clone(),
        kind: union.kind.label().to_string(),
        founded_on: union.founded_on,
        member_count: union.member_count,
        region_code: union.region_code.clone(),
        street_code: union.street_code.clone(),
        district_code: union.district_code.clone(),
    }
    .event()
}

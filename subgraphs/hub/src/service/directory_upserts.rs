//! Directory rows written from the organisations' events: an upsert by id, so an event
//! delivered twice (a publisher's retry, a replica's redelivery) leaves the same row.

use quntuan_kit::events::directory::{ActivityRecorded, UnitRegistered};
use quntuan_kit::upsert::upsert;
use sea_orm::{ConnectionTrait, DbErr, Set};

use crate::entities::{directory_activity, directory_unit};

pub async fn upsert_unit<C: ConnectionTrait>(db: &C, unit: &UnitRegistered) -> Result<(), DbErr> {
    let row = directory_unit::ActiveModel {
        id: Set(unit.id.clone()),
        organization: Set(unit.organization.clone()),
        name: Set(unit.name.clone()),
        kind: Set(unit.kind.clone()),
        founded_on: Set(unit.founded_on),
        member_count: Set(unit.member_count),
        region_code: Set(unit.region_code.clone()),
        street_code: Set(unit.street_code.clone()),
        district_code: Set(unit.district_code.clone()),
    };
    upsert(db, row).await
}

pub async fn upsert_activity<C: ConnectionTrait>(
    db: &C,
    activity: &ActivityRecorded,
) -> Result<(), DbErr> {
    let row = directory_activity::ActiveModel {
        id: Set(activity.id.clone()),
        organization: Set(activity.organization.clone()),
        title: Set(activity.title.clone()),
        kind: Set(activity.kind.clone()),
        held_on: Set(activity.held_on),
        participant_count: Set(activity.participant_count),
        region_code: Set(activity.region_code.clone()),
        street_code: Set(activity.street_code.clone()),
        district_code: Set(activity.district_code.clone()),
    };
    upsert(db, row).await
}

//! Directory rows written from the organisations' events: an upsert by id, so an event
//! delivered twice (a publisher's retry, a replica's redelivery) leaves the same row.

use quntuan_kit::events::directory::{ActivityRecorded, UnitRegistered};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use crate::entities::{directory_activity, directory_unit};

pub async fn upsert_unit<C: ConnectionTrait>(db: &C, unit: &UnitRegistered) -> Result<(), DbErr> {
    use directory_unit::Column;
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
    let on_conflict = OnConflict::column(Column::Id)
        .update_columns([
            Column::Organization,
            Column::Name,
            Column::Kind,
            Column::FoundedOn,
            Column::MemberCount,
            Column::RegionCode,
            Column::StreetCode,
            Column::DistrictCode,
        ])
        .to_owned();
    directory_unit::Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

pub async fn upsert_activity<C: ConnectionTrait>(
    db: &C,
    activity: &ActivityRecorded,
) -> Result<(), DbErr> {
    use directory_activity::Column;
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
    let on_conflict = OnConflict::column(Column::Id)
        .update_columns([
            Column::Organization,
            Column::Title,
            Column::Kind,
            Column::HeldOn,
            Column::ParticipantCount,
            Column::RegionCode,
            Column::StreetCode,
            Column::DistrictCode,
        ])
        .to_owned();
    directory_activity::Entity::insert(row)
        .on_conflict(on_conflict)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

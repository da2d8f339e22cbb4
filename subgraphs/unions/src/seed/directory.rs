//! The directory tables: grassroots unions, activities and awards, from the kit catalog.

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{insert_located, with_region};
use quntuan_kit::{Progress, RegionRef, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseTransaction, DbErr, Value};

use crate::model::enums::{GrassrootsUnionKind, LaborAwardKind};

/// What the other generators need to know about a seeded union.
#[derive(Clone, Debug)]
pub(crate) struct SeededUnion {
    pub id: String,
    pub name: String,
    pub region: RegionRef,
}

pub(crate) async fn seed_unions(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<SeededUnion>, DbErr> {
    let skeletons: Vec<_> = catalog::grassroots_unions(scale).collect();
    let mut seeded = Vec::with_capacity(skeletons.len());
    let mut rows = Vec::with_capacity(skeletons.len());
    for unit in skeletons {
        let kind = GrassrootsUnionKind::from_label(unit.kind).ok_or_else(|| {
            DbErr::Custom(format!(
                "catalog union `{}` has an unknown kind `{}`",
                unit.id, unit.kind
            ))
        })?;
        // Per-record stream: the chair does not change when another generator changes.
        let mut rng = Rng::for_key("unions.union_details", &unit.id);
        let chair_name = names::person_name(&mut rng);
        let chair_phone = names::phone_number(&mut rng);
        let center = rng
            .chance(0.3)
            .then(|| street_center_id(&unit.region.street_code));
        let row: Vec<Value> = vec![
            unit.id.clone().into(),
            unit.name.clone().into(),
            kind.to_value().into(),
            (unit.member_count as i32).into(),
            unit.founded_on.into(),
            chair_name.into(),
            chair_phone.into(),
            center.into(),
        ];
        rows.push(with_region(row, &unit.region));
        seeded.push(SeededUnion {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        });
    }
    let columns = [
        "id",
        "name",
        "kind",
        "member_count",
        "founded_on",
        "chair_name",
        "chair_phone",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "unions",
        "grassroots_union",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(seeded)
}

pub(crate) async fn seed_activities(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let rows: Vec<Vec<Value>> = catalog::union_activities(scale)
        .map(|activity| {
            let mut rng = Rng::for_key("unions.activity_details", &activity.id);
            let center = rng
                .chance(0.5)
                .then(|| street_center_id(&activity.region.street_code));
            let row: Vec<Value> = vec![
                activity.id.into(),
                activity.title.into(),
                activity.kind.into(),
                activity.held_on.into(),
                (activity.participant_count as i32).into(),
                center.into(),
            ];
            with_region(row, &activity.region)
        })
        .collect();
    let columns = [
        "id",
        "title",
        "kind",
        "held_on",
        "participant_count",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "unions",
        "union_activity",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}

pub(crate) async fn seed_awards(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let rows: Vec<Vec<Value>> = catalog::union_awards(scale)
        .map(|award| {
            // The catalog gives medals (individual honours) a person; certificates go to units.
            let kind = match award.recipient_person {
                Some(_) => LaborAwardKind::Medal,
                None => LaborAwardKind::Certificate,
            };
            let row: Vec<Value> = vec![
                award.id.into(),
                kind.to_value().into(),
                award.title.into(),
                award.recipient_unit.into(),
                award.recipient_person.into(),
                award.year.into(),
            ];
            with_region(row, &award.region)
        })
        .collect();
    let columns = [
        "id",
        "kind",
        "title",
        "recipient_unit",
        "recipient_person",
        "year",
    ];
    insert_located(
        db,
        progress,
        "unions",
        "labor_award",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}

//! The directory tables: grassroots unions, activities and awards, from the kit catalog
//! (the shared columns unchanged; the unions' own columns here).

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{DirectoryTable, Seeded, insert_directory, insert_units, unit_kind};
use quntuan_kit::{Progress, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseTransaction, DbErr};

use crate::model::enums::{GrassrootsUnionKind, LaborAwardKind};

/// A unions directory table and the unions' own columns in it.
fn table<'a>(table: &'a str, extra_columns: &'a [&'a str]) -> DirectoryTable<'a> {
    DirectoryTable::text_keyed("unions", table, extra_columns)
}

pub(crate) async fn seed_unions(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let columns = ["kind", "chair_name", "chair_phone", "service_center_id"];
    let units = catalog::grassroots_unions(scale);
    insert_units(
        db,
        progress,
        table("grassroots_union", &columns),
        units,
        |unit| {
            let kind = unit_kind(unit, GrassrootsUnionKind::from_label)?;
            // Per-record stream: the chair does not change when another generator changes.
            let mut rng = Rng::for_key("unions.union_details", &unit.id);
            let chair_name = names::person_name(&mut rng);
            let chair_phone = names::phone_number(&mut rng);
            let center = rng
                .chance(0.3)
                .then(|| street_center_id(&unit.region.street_code));
            Ok(vec![
                kind.to_value().into(),
                chair_name.into(),
                chair_phone.into(),
                center.into(),
            ])
        },
    )
    .await
}

pub(crate) async fn seed_activities(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let activities = catalog::union_activities(scale);
    let columns = ["service_center_id"];
    insert_directory(
        db,
        progress,
        table("union_activity", &columns),
        activities,
        |activity| {
            let mut rng = Rng::for_key("unions.activity_details", &activity.id);
            let center = rng
                .chance(0.5)
                .then(|| street_center_id(&activity.region.street_code));
            Ok(vec![center.into()])
        },
    )
    .await?;
    Ok(())
}

pub(crate) async fn seed_awards(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let awards = catalog::union_awards(scale);
    let columns = ["kind", "recipient_person"];
    insert_directory(
        db,
        progress,
        table("labor_award", &columns),
        awards,
        |award| {
            // The catalog gives medals (individual honours) a person; certificates go to units.
            let kind = match award.recipient_person {
                Some(_) => LaborAwardKind::Medal,
                None => LaborAwardKind::Certificate,
            };
            Ok(vec![
                kind.to_value().into(),
                award.recipient_person.clone().into(),
            ])
        },
    )
    .await?;
    Ok(())
}

//! The directory tables: grassroots unions, activities and awards, from the kit catalog
//! (the shared columns unchanged; the unions' own columns here).

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{DirectoryKey, DirectoryTable, insert_directory};
use quntuan_kit::{Progress, RegionRef, Rng, Scale, names};
use sea_orm::{ActiveEnum, DatabaseTransaction, DbErr};

use crate::model::enums::{GrassrootsUnionKind, LaborAwardKind};

/// What the other generators need to know about a seeded union.
#[derive(Clone, Debug)]
pub(crate) struct SeededUnion {
    pub id: String,
    pub name: String,
    pub region: RegionRef,
}

/// A unions directory table and the unions' own columns in it.
fn table<'a>(table: &'a str, extra_columns: &'a [&'a str]) -> DirectoryTable<'a> {
    DirectoryTable {
        subgraph: "unions",
        table,
        key: DirectoryKey::Text,
        extra_columns,
    }
}

pub(crate) async fn seed_unions(
    db: &DatabaseTransaction,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<SeededUnion>, DbErr> {
    let skeletons: Vec<_> = catalog::grassroots_unions(scale).collect();
    let columns = ["kind", "chair_name", "chair_phone", "service_center_id"];
    insert_directory(
        db,
        progress,
        table("grassroots_union", &columns),
        &skeletons,
        |unit| {
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
            Ok(vec![
                kind.to_value().into(),
                chair_name.into(),
                chair_phone.into(),
                center.into(),
            ])
        },
    )
    .await?;
    Ok(skeletons
        .into_iter()
        .map(|unit| SeededUnion {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        })
        .collect())
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

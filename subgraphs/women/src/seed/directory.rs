//! The directory tables: women's organisations, Red Banner collectives and
//! family-education activities, from the kit catalog (the shared columns unchanged; the
//! federation's own columns here).

use std::collections::HashMap;

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{DirectoryTable, Seeded, insert_directory, insert_units, unit_kind};
use quntuan_kit::{Progress, Rng, Scale};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr};

use crate::model::enums::WomenOrganizationKind;

/// A women's directory table and the federation's own columns in it.
fn table<'a>(table: &'a str, extra_columns: &'a [&'a str]) -> DirectoryTable<'a> {
    DirectoryTable::text_keyed("women", table, extra_columns)
}

pub(crate) async fn seed_organizations(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let units = catalog::women_organizations(scale);
    insert_units(
        db,
        progress,
        table("women_organization", &["kind"]),
        units,
        |unit| {
            let kind = unit_kind(unit, WomenOrganizationKind::from_label)?;
            Ok(vec![kind.to_value().into()])
        },
    )
    .await
}

pub(crate) async fn seed_awards(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let awards = catalog::women_awards(scale);
    insert_directory(
        db,
        progress,
        table("red_banner_collective", &[]),
        awards,
        |_| Ok(vec![]),
    )
    .await?;
    Ok(())
}

/// Activities are mostly run by the women's home of their community when it has one.
pub(crate) async fn seed_activities(
    db: &DatabaseConnection,
    scale: Scale,
    homes: &[Seeded],
    progress: &Progress,
) -> Result<(), DbErr> {
    let mut home_of_community: HashMap<&str, &str> = HashMap::new();
    for home in homes {
        home_of_community
            .entry(home.region.region_code.as_str())
            .or_insert(home.id.as_str());
    }
    let activities = catalog::women_activities(scale);
    let columns = ["womens_home_id", "service_center_id"];
    insert_directory(
        db,
        progress,
        table("family_education_activity", &columns),
        activities,
        |activity| {
            let mut rng = Rng::for_key("women.activity_details", &activity.id);
            let home = home_of_community
                .get(activity.region.region_code.as_str())
                .filter(|_| rng.chance(0.7))
                .map(|id| id.to_string());
            let center = rng
                .chance(0.3)
                .then(|| street_center_id(&activity.region.street_code));
            Ok(vec![home.into(), center.into()])
        },
    )
    .await?;
    Ok(())
}

//! The directory tables: women's organisations, Red Banner collectives and
//! family-education activities, from the kit catalog (the shared columns unchanged; the
//! federation's own columns here).

use std::collections::HashMap;

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{DirectoryKey, DirectoryTable, insert_directory};
use quntuan_kit::{Progress, Rng, Scale};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr};

use super::Seeded;
use crate::model::enums::WomenOrganizationKind;

/// A women's directory table and the federation's own columns in it.
fn table<'a>(table: &'a str, extra_columns: &'a [&'a str]) -> DirectoryTable<'a> {
    DirectoryTable {
        subgraph: "women",
        table,
        key: DirectoryKey::Text,
        extra_columns,
    }
}

pub(crate) async fn seed_organizations(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let skeletons: Vec<_> = catalog::women_organizations(scale).collect();
    insert_directory(
        db,
        progress,
        table("women_organization", &["kind"]),
        &skeletons,
        |unit| {
            let kind = WomenOrganizationKind::from_label(unit.kind).ok_or_else(|| {
                DbErr::Custom(format!(
                    "catalog organisation `{}` has an unknown kind `{}`",
                    unit.id, unit.kind
                ))
            })?;
            Ok(vec![kind.to_value().into()])
        },
    )
    .await?;
    Ok(skeletons
        .into_iter()
        .map(|unit| Seeded {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        })
        .collect())
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

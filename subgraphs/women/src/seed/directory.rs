//! The directory tables: women's organisations, Red Banner collectives and
//! family-education activities, from the kit catalog.

use std::collections::HashMap;

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::{Progress, Rng, Scale, bulk_insert};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr, Value};

use super::{Seeded, region_values, with_region};
use crate::model::enums::WomenOrganizationKind;

pub(crate) async fn seed_organizations(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let skeletons: Vec<_> = catalog::women_organizations(scale).collect();
    let stage = progress.stage("women: organisations", skeletons.len() as u64);
    let mut seeded = Vec::with_capacity(skeletons.len());
    let mut rows = Vec::with_capacity(skeletons.len());
    for unit in skeletons {
        let kind = WomenOrganizationKind::from_label(unit.kind).ok_or_else(|| {
            DbErr::Custom(format!(
                "catalog organisation `{}` has an unknown kind `{}`",
                unit.id, unit.kind
            ))
        })?;
        let mut row: Vec<Value> = vec![
            unit.id.clone().into(),
            unit.name.clone().into(),
            kind.to_value().into(),
            (unit.member_count as i32).into(),
            unit.founded_on.into(),
        ];
        row.extend(region_values(&unit.region));
        rows.push(row);
        seeded.push(Seeded {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        });
    }
    let columns = with_region(&["id", "name", "kind", "member_count", "founded_on"]);
    bulk_insert(db, "women_organization", &columns, rows, &stage).await?;
    stage.finish();
    Ok(seeded)
}

pub(crate) async fn seed_awards(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let skeletons: Vec<_> = catalog::women_awards(scale).collect();
    let stage = progress.stage("women: Red Banner collectives", skeletons.len() as u64);
    let rows = skeletons.into_iter().map(|award| {
        let mut row: Vec<Value> = vec![
            award.id.into(),
            award.title.into(),
            award.recipient_unit.into(),
            award.year.into(),
        ];
        row.extend(region_values(&award.region));
        row
    });
    let columns = with_region(&["id", "title", "recipient_unit", "year"]);
    bulk_insert(db, "red_banner_collective", &columns, rows, &stage).await?;
    stage.finish();
    Ok(())
}

/// Activities are mostly run by the women's home of their community when it has one.
pub(crate) async fn seed_activities(
    db: &DatabaseConnection,
    scale: Scale,
    homes: &[Seeded],
    progress: &Progress,
) -> Result<(), DbErr> {
    let skeletons: Vec<_> = catalog::women_activities(scale).collect();
    let stage = progress.stage("women: family-education activities", skeletons.len() as u64);
    let mut home_of_community: HashMap<&str, &str> = HashMap::new();
    for home in homes {
        home_of_community
            .entry(home.region.region_code.as_str())
            .or_insert(home.id.as_str());
    }
    let rows = skeletons.into_iter().map(|activity| {
        let mut rng = Rng::for_key("women.activity_details", &activity.id);
        let home = home_of_community
            .get(activity.region.region_code.as_str())
            .filter(|_| rng.chance(0.7))
            .map(|id| id.to_string());
        let center = rng
            .chance(0.3)
            .then(|| street_center_id(&activity.region.street_code));
        let mut row: Vec<Value> = vec![
            activity.id.into(),
            activity.title.into(),
            activity.kind.into(),
            activity.held_on.into(),
            (activity.participant_count as i32).into(),
            home.into(),
            center.into(),
        ];
        row.extend(region_values(&activity.region));
        row
    });
    let columns = with_region(&[
        "id",
        "title",
        "kind",
        "held_on",
        "participant_count",
        "womens_home_id",
        "service_center_id",
    ]);
    bulk_insert(db, "family_education_activity", &columns, rows, &stage).await?;
    stage.finish();
    Ok(())
}

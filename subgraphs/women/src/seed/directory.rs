//! The directory tables: women's organisations, Red Banner collectives and
//! family-education activities, from the kit catalog.

use std::collections::HashMap;

use quntuan_kit::catalog::{self, street_center_id};
use quntuan_kit::seed::{insert_located, with_region};
use quntuan_kit::{Progress, Rng, Scale};
use sea_orm::{ActiveEnum, DatabaseConnection, DbErr, Value};

use super::Seeded;
use crate::model::enums::WomenOrganizationKind;

pub(crate) async fn seed_organizations(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<Vec<Seeded>, DbErr> {
    let skeletons: Vec<_> = catalog::women_organizations(scale).collect();
    let mut seeded = Vec::with_capacity(skeletons.len());
    let mut rows = Vec::with_capacity(skeletons.len());
    for unit in skeletons {
        let kind = WomenOrganizationKind::from_label(unit.kind).ok_or_else(|| {
            DbErr::Custom(format!(
                "catalog organisation `{}` has an unknown kind `{}`",
                unit.id, unit.kind
            ))
        })?;
        let row: Vec<Value> = vec![
            unit.id.clone().into(),
            unit.name.clone().into(),
            kind.to_value().into(),
            (unit.member_count as i32).into(),
            unit.founded_on.into(),
        ];
        rows.push(with_region(row, &unit.region));
        seeded.push(Seeded {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        });
    }
    let columns = ["id", "name", "kind", "member_count", "founded_on"];
    insert_located(
        db,
        progress,
        "women",
        "women_organization",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(seeded)
}

pub(crate) async fn seed_awards(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let rows: Vec<Vec<Value>> = catalog::women_awards(scale)
        .map(|award| {
            let row: Vec<Value> = vec![
                award.id.into(),
                award.title.into(),
                award.recipient_unit.into(),
                award.year.into(),
            ];
            with_region(row, &award.region)
        })
        .collect();
    let columns = ["id", "title", "recipient_unit", "year"];
    insert_located(
        db,
        progress,
        "women",
        "red_banner_collective",
        &columns,
        rows.len(),
        rows,
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
    let skeletons: Vec<_> = catalog::women_activities(scale).collect();
    let mut home_of_community: HashMap<&str, &str> = HashMap::new();
    for home in homes {
        home_of_community
            .entry(home.region.region_code.as_str())
            .or_insert(home.id.as_str());
    }
    let rows: Vec<Vec<Value>> = skeletons
        .into_iter()
        .map(|activity| {
            let mut rng = Rng::for_key("women.activity_details", &activity.id);
            let home = home_of_community
                .get(activity.region.region_code.as_str())
                .filter(|_| rng.chance(0.7))
                .map(|id| id.to_string());
            let center = rng
                .chance(0.3)
                .then(|| street_center_id(&activity.region.street_code));
            let row: Vec<Value> = vec![
                activity.id.into(),
                activity.title.into(),
                activity.kind.into(),
                activity.held_on.into(),
                (activity.participant_count as i32).into(),
                home.into(),
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
        "womens_home_id",
        "service_center_id",
    ];
    insert_located(
        db,
        progress,
        "women",
        "family_education_activity",
        &columns,
        rows.len(),
        rows,
    )
    .await?;
    Ok(())
}

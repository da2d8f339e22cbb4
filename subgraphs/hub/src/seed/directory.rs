//! The shared directory, straight from the kit catalog (same ids, names and regions as the
//! organisations' own tables).

use quntuan_kit::catalog::{self, Org};
use quntuan_kit::{Progress, Scale, bulk_insert};
use sea_orm::{DatabaseConnection, DbErr, Value};

use super::finish;

pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let total: usize = Org::ALL
        .iter()
        .map(|o| catalog::units(*o, scale).count())
        .sum();
    let stage = progress.stage("hub: directory units", total as u64);
    let rows = Org::ALL
        .into_iter()
        .flat_map(|org| catalog::units(org, scale))
        .map(|u| {
            vec![
                Value::from(u.id),
                u.org.as_str().into(),
                u.name.into(),
                u.kind.into(),
                u.founded_on.into(),
                (u.member_count as i32).into(),
                u.region.region_code.into(),
                u.region.street_code.into(),
                u.region.district_code.into(),
            ]
        });
    bulk_insert(
        db,
        "directory_unit",
        &[
            "id",
            "organization",
            "name",
            "kind",
            "founded_on",
            "member_count",
            "region_code",
            "street_code",
            "district_code",
        ],
        rows,
        &stage,
    )
    .await?;
    finish(stage);

    let total: usize = Org::ALL
        .iter()
        .map(|o| catalog::activities(*o, scale).count())
        .sum();
    let stage = progress.stage("hub: directory activities", total as u64);
    let rows = Org::ALL
        .into_iter()
        .flat_map(|org| catalog::activities(org, scale))
        .map(|a| {
            vec![
                Value::from(a.id),
                a.org.as_str().into(),
                a.title.into(),
                a.kind.into(),
                a.held_on.into(),
                (a.participant_count as i32).into(),
                a.region.region_code.into(),
                a.region.street_code.into(),
                a.region.district_code.into(),
            ]
        });
    bulk_insert(
        db,
        "directory_activity",
        &[
            "id",
            "organization",
            "title",
            "kind",
            "held_on",
            "participant_count",
            "region_code",
            "street_code",
            "district_code",
        ],
        rows,
        &stage,
    )
    .await?;
    finish(stage);

    let total: usize = Org::ALL
        .iter()
        .map(|o| catalog::awards(*o, scale).count())
        .sum();
    let stage = progress.stage("hub: directory awards", total as u64);
    let rows = Org::ALL
        .into_iter()
        .flat_map(|org| catalog::awards(org, scale))
        .map(|a| {
            vec![
                Value::from(a.id),
                a.org.as_str().into(),
                a.title.into(),
                a.recipient_unit.into(),
                a.recipient_person.into(),
                a.year.into(),
                a.region.region_code.into(),
                a.region.street_code.into(),
                a.region.district_code.into(),
            ]
        });
    bulk_insert(
        db,
        "directory_award",
        &[
            "id",
            "organization",
            "title",
            "recipient_unit",
            "recipient_person",
            "year",
            "region_code",
            "street_code",
            "district_code",
        ],
        rows,
        &stage,
    )
    .await?;
    finish(stage);
    Ok(())
}

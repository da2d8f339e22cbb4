//! The shared directory, straight from the kit catalog (same ids, names and regions as the
//! organisations' own tables): each kind's shared columns as the kit writes them for every
//! organisation, with the organisation (and the columns the organisations keep as their own)
//! beside them.

use quntuan_kit::Progress;
use quntuan_kit::Scale;
use quntuan_kit::catalog::{self, Org};
use quntuan_kit::seed::{DirectoryTable, insert_directory};
use sea_orm::{DatabaseConnection, DbErr, Value};

pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let table = |table, extra_columns| DirectoryTable::text_keyed("hub", table, extra_columns);
    let every_org = Org::ALL.into_iter();
    let organization = |org: Org| Value::from(org.as_str());
    let units = every_org.clone().flat_map(|org| catalog::units(org, scale));
    insert_directory(
        db,
        progress,
        table("directory_unit", &["organization", "kind"]),
        units,
        |u| Ok(vec![organization(u.org), u.kind.into()]),
    )
    .await?;
    let activities = every_org
        .clone()
        .flat_map(|org| catalog::activities(org, scale));
    let activity_table = table("directory_activity", &["organization"]);
    insert_directory(db, progress, activity_table, activities, |a| {
        Ok(vec![organization(a.org)])
    })
    .await?;
    let awards = every_org.flat_map(|org| catalog::awards(org, scale));
    let award_table = table("directory_award", &["organization", "recipient_person"]);
    insert_directory(db, progress, award_table, awards, |a| {
        Ok(vec![organization(a.org), a.recipient_person.clone().into()])
    })
    .await?;
    Ok(())
}

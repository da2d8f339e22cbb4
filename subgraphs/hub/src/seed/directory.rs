//! The shared directory, straight from the kit catalog (same ids, names and regions as the
//! organisations' own tables).

use quntuan_kit::catalog::{self, Org};
use quntuan_kit::seed::{REGION_COLUMNS, with_region};
use quntuan_kit::{Progress, Scale, bulk_insert};
use sea_orm::{DatabaseConnection, DbErr, Value};

use super::finish;

pub(crate) async fn seed(
    db: &DatabaseConnection,
    scale: Scale,
    progress: &Progress,
) -> Result<(), DbErr> {
    let units = Table {
        stage: "hub: directory units",
        name: "directory_unit",
        columns: ["name", "kind", "founded_on", "member_count"],
    };
    units
        .insert(db, scale, progress, catalog::units, |u| {
            let count = u.member_count as i32;
            let own = [u.name.into(), u.kind.into(), u.founded_on.into()];
            row(u.id, u.org, own, count.into(), &u.region)
        })
        .await?;
    let activities = Table {
        stage: "hub: directory activities",
        name: "directory_activity",
        columns: ["title", "kind", "held_on", "participant_count"],
    };
    activities
        .insert(db, scale, progress, catalog::activities, |a| {
            let count = a.participant_count as i32;
            let own = [a.title.into(), a.kind.into(), a.held_on.into()];
            row(a.id, a.org, own, count.into(), &a.region)
        })
        .await?;
    let awards = Table {
        stage: "hub: directory awards",
        name: "directory_award",
        columns: ["title", "recipient_unit", "recipient_person", "year"],
    };
    awards
        .insert(db, scale, progress, catalog::awards, |a| {
            let own = [
                a.title.into(),
                a.recipient_unit.into(),
                a.recipient_person.into(),
            ];
            row(a.id, a.org, own, a.year.into(), &a.region)
        })
        .await
}

/// One directory table: `id`, `organization`, the kind's four `columns`, the region columns.
struct Table {
    stage: &'static str,
    name: &'static str,
    columns: [&'static str; 4],
}

/// A directory row in the column order of [`Table`].
fn row(
    id: String,
    org: Org,
    own: [Value; 3],
    last: Value,
    region: &quntuan_kit::RegionRef,
) -> Vec<Value> {
    let mut values = vec![Value::from(id), org.as_str().into()];
    values.extend(own);
    values.push(last);
    with_region(values, region)
}

impl Table {
    /// Inserts every organisation's catalog `entries` of one kind, each as `row` makes it.
    async fn insert<T, I>(
        &self,
        db: &DatabaseConnection,
        scale: Scale,
        progress: &Progress,
        entries: fn(Org, Scale) -> I,
        row: fn(T) -> Vec<Value>,
    ) -> Result<(), DbErr>
    where
        I: Iterator<Item = T>,
    {
        let total: usize = Org::ALL.iter().map(|o| entries(*o, scale).count()).sum();
        let stage = progress.stage(self.stage, total as u64);
        let rows = Org::ALL
            .into_iter()
            .flat_map(move |org| entries(org, scale))
            .map(row);
        let mut columns = vec!["id", "organization"];
        columns.extend(self.columns);
        columns.extend(REGION_COLUMNS);
        bulk_insert(db, self.name, &columns, rows, &stage).await?;
        finish(stage);
        Ok(())
    }
}

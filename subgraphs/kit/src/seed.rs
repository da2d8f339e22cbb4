//! Seeding helpers: a progress display and fast batched multi-row inserts.
//!
//! `bulk_insert` writes rows as multi-row `INSERT ... VALUES (...), (...)` statements
//! inside one transaction (a savepoint when the caller already holds one), which is what
//! makes the full scale load into SQLite in seconds instead of minutes.

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, TransactionSession, TransactionTrait, Value};

use std::collections::HashMap;

use chrono::NaiveDate;

use crate::catalog::{ActivitySkeleton, AwardSkeleton, UnitSkeleton, street_center_id};
use crate::db::statement;
use crate::error::KitError;
use crate::region::RegionRef;
use crate::rng::Rng;

/// Keeps each statement under SQLite's (32,766) and PostgreSQL's (65,535) bound
/// parameter limits.
const MAX_PARAMS_PER_STATEMENT: usize = 30_000;
/// Very long statements stop paying off; this many rows per statement is plenty.
const MAX_ROWS_PER_STATEMENT: usize = 2_000;

/// Where seed progress goes: nowhere (tests) or progress bars on stderr (CLI).
#[derive(Clone)]
pub struct Progress {
    bars: Option<MultiProgress>,
}

impl Progress {
    pub fn hidden() -> Progress {
        Progress { bars: None }
    }

    /// Progress bars on stderr (hidden automatically when stderr is not a terminal).
    pub fn stderr() -> Progress {
        Progress {
            bars: Some(MultiProgress::with_draw_target(ProgressDrawTarget::stderr())),
        }
    }

    /// Starts one stage, e.g. `progress.stage("hub: directory units", 99_498)`.
    pub fn stage(&self, label: &str, total: u64) -> Stage {
        let bar = match &self.bars {
            None => ProgressBar::hidden(),
            Some(bars) => {
                let bar = bars.add(ProgressBar::new(total));
                if let Ok(style) =
                    ProgressStyle::with_template("{msg:32} [{bar:30}] {pos}/{len} {elapsed}")
                {
                    bar.set_style(style.progress_chars("=> "));
                }
                bar
            }
        };
        bar.set_message(label.to_string());
        Stage { bar }
    }
}

/// One stage of a seed run.
pub struct Stage {
    bar: ProgressBar,
}

impl Stage {
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    pub fn position(&self) -> u64 {
        self.bar.position()
    }

    pub fn finish(self) {
        self.bar.finish();
    }
}

/// Inserts `rows` (each a value per column, in `columns` order) into `table` with
/// multi-row INSERT statements in one transaction. Returns the number of rows written.
///
/// ```ignore
/// let rows = catalog::youth_branches(scale).map(|u| vec![u.id.into(), u.name.into(), ...]);
/// bulk_insert(db, "youth_branch", &["id", "name", ...], rows, &stage).await?;
/// ```
pub async fn bulk_insert<C, I>(
    db: &C,
    table: &str,
    columns: &[&str],
    rows: I,
    stage: &Stage,
) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
    I: IntoIterator<Item = Vec<Value>>,
{
    if columns.is_empty() {
        return Err(DbErr::Custom(format!(
            "bulk insert into `{table}` names no columns"
        )));
    }
    let backend = db.get_database_backend();
    let per_statement = (MAX_PARAMS_PER_STATEMENT / columns.len()).clamp(1, MAX_ROWS_PER_STATEMENT);
    let head = format!(
        "INSERT INTO {} ({}) VALUES ",
        quote(table),
        columns
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let txn = db.begin().await?;
    let mut written = 0u64;
    let mut batch: Vec<Value> = Vec::with_capacity(per_statement * columns.len());
    let mut batch_rows = 0usize;
    for row in rows {
        if row.len() != columns.len() {
            return Err(DbErr::Custom(format!(
                "bulk insert into `{table}`: a row has {} values for {} columns",
                row.len(),
                columns.len()
            )));
        }
        batch.extend(row);
        batch_rows += 1;
        if batch_rows == per_statement {
            flush(
                &txn,
                backend,
                &head,
                columns.len(),
                batch_rows,
                std::mem::take(&mut batch),
            )
            .await?;
            written += batch_rows as u64;
            stage.inc(batch_rows as u64);
            batch_rows = 0;
        }
    }
    if batch_rows > 0 {
        flush(&txn, backend, &head, columns.len(), batch_rows, batch).await?;
        written += batch_rows as u64;
        stage.inc(batch_rows as u64);
    }
    txn.commit().await?;
    Ok(written)
}

async fn flush<C: ConnectionTrait>(
    db: &C,
    backend: DbBackend,
    head: &str,
    columns: usize,
    rows: usize,
    values: Vec<Value>,
) -> Result<(), DbErr> {
    let mut sql = String::with_capacity(head.len() + rows * columns * 6);
    sql.push_str(head);
    let mut n = 0usize;
    for r in 0..rows {
        if r > 0 {
            sql.push_str(", ");
        }
        sql.push('(');
        for c in 0..columns {
            if c > 0 {
                sql.push_str(", ");
            }
            n += 1;
            match backend {
                DbBackend::Postgres => {
                    sql.push('$');
                    sql.push_str(&n.to_string());
                }
                _ => sql.push('?'),
            }
        }
        sql.push(')');
    }
    db.execute_raw(statement(backend, sql, values)).await?;
    Ok(())
}

/// The three region columns every organisation table ends with, in this order.
pub const REGION_COLUMNS: [&str; 3] = ["region_code", "street_code", "district_code"];

/// `row` with the region's three codes appended (see [`REGION_COLUMNS`]).
pub fn with_region(mut row: Vec<Value>, region: &RegionRef) -> Vec<Value> {
    row.push(region.region_code.clone().into());
    row.push(region.street_code.clone().into());
    row.push(region.district_code.clone().into());
    row
}

/// [`bulk_insert`] of rows built with [`with_region`] (`columns` without the region
/// columns), under a progress stage named `"{subgraph}: {table}"` of `total` rows.
pub async fn insert_located<C, I>(
    db: &C,
    progress: &Progress,
    subgraph: &str,
    table: &str,
    columns: &[&str],
    total: usize,
    rows: I,
) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
    I: IntoIterator<Item = Vec<Value>>,
{
    let mut all: Vec<&str> = columns.to_vec();
    all.extend(REGION_COLUMNS);
    let stage = progress.stage(&format!("{subgraph}: {table}"), total as u64);
    let written = bulk_insert(db, table, &all, rows, &stage).await?;
    stage.finish();
    Ok(written)
}

/// [`insert_located`] with each column named once, beside the value it takes: the rows of
/// `ITER` bound to `PAT`, optional `let`s, the row's region, then `column: value` pairs
/// in the table's column order (each value goes in with `.into()`). Evaluates to the
/// insert's future.
///
/// ```ignore
/// quntuan_kit::insert_located! {
///     db, progress, "youth", "youth_homes", homes.len(),
///     for h in homes.into_iter() => region h.region, {
///         id: h.id,
///         name: h.name,
///     }
/// }
/// .await
/// .map_err(fail("inserting homes"))?;
/// ```
#[macro_export]
macro_rules! insert_located {
    (
        $db:expr, $progress:expr, $subgraph:expr, $table:expr, $total:expr,
        for $row:pat in $iter:expr =>
        $(let $binding:pat = $init:expr;)*
        region $region:expr,
        { $($column:ident: $value:expr),* $(,)? }
    ) => {
        $crate::seed::insert_located(
            $db,
            $progress,
            $subgraph,
            $table,
            &[$(stringify!($column)),*],
            $total,
            ($iter).map(move |$row| {
                $(let $binding = $init;)*
                $crate::seed::with_region(vec![$(($value).into()),*], &$region)
            }),
        )
    };
}

/// A crate's own seed record of one located table, each column named once: declares the
/// struct (the columns in table order, then `region`) and `Self::insert(db, progress,
/// total, rows)`, the [`insert_located`] of the rows under the stage `"{subgraph}: {table}"`
/// (each field goes in with `.into()`).
///
/// ```ignore
/// quntuan_kit::seed_record! {
///     /// A youth home.
///     pub(super) struct HomeSeed in "youth", "youth_homes" {
///         id: i64,
///         name: String,
///     }
/// }
/// HomeSeed::insert(db, progress, homes.len(), homes).await.map_err(fail("inserting homes"))?;
/// ```
#[macro_export]
macro_rules! seed_record {
    (
        $(#[$meta:meta])*
        $vis:vis struct $name:ident in $subgraph:literal, $table:literal {
            $($(#[$field_meta:meta])* $field:ident: $ty:ty),* $(,)?
        }
    ) => {
        $(#[$meta])*
        $vis struct $name {
            $($(#[$field_meta])* $vis $field: $ty,)*
            $vis region: $crate::RegionRef,
        }

        impl $name {
            /// Inserts `rows` (`total` of them, for the progress stage) into the table.
            $vis async fn insert<C>(
                db: &C,
                progress: &$crate::Progress,
                total: usize,
                rows: impl IntoIterator<Item = Self>,
            ) -> Result<u64, $crate::reexports::sea_orm::DbErr>
            where
                C: $crate::reexports::sea_orm::ConnectionTrait
                    + $crate::reexports::sea_orm::TransactionTrait,
            {
                $crate::insert_located! {
                    db, progress, $subgraph, $table, total,
                    for row in rows.into_iter() => region row.region, {
                        $($field: row.$field),*
                    }
                }
                .await
            }
        }
    };
}

/// `.map_err(seed_failed("youth", "inserting volunteers"))`: a database error of one seed
/// step as [`KitError::Seed`], naming the subgraph and the step.
pub fn seed_failed(
    subgraph: &'static str,
    context: &str,
) -> impl FnOnce(DbErr) -> KitError + use<> {
    let context = context.to_string();
    move |source: DbErr| KitError::Seed {
        subgraph,
        context,
        source,
    }
}

/// How a directory table keys its rows: by the skeleton's number (an integer `id` column)
/// or by its text id (`unions-act-000001`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectoryKey {
    Number,
    Text,
}

/// A directory table an organisation fills from the catalog ([`insert_directory`]): its
/// subgraph (for the progress label), name and key, and the crate's own columns, whose
/// values its `extra` gives for each skeleton.
pub struct DirectoryTable<'a> {
    pub subgraph: &'a str,
    pub table: &'a str,
    pub key: DirectoryKey,
    pub extra_columns: &'a [&'a str],
}

impl<'a> DirectoryTable<'a> {
    /// A table keyed by the skeletons' text ids (`unions-unit-000001`), as unions, women
    /// and hub key theirs, with the crate's own `extra_columns`.
    pub fn text_keyed(subgraph: &'a str, table: &'a str, extra_columns: &'a [&'a str]) -> Self {
        DirectoryTable {
            subgraph,
            table,
            key: DirectoryKey::Text,
            extra_columns,
        }
    }

    /// A table keyed by the skeletons' numbers, as youth, science and disability key theirs.
    pub fn number_keyed(subgraph: &'a str, table: &'a str, extra_columns: &'a [&'a str]) -> Self {
        DirectoryTable {
            subgraph,
            table,
            key: DirectoryKey::Number,
            extra_columns,
        }
    }
}

/// A seeded record other generators attach to (a unit, a home): its id, name and region.
#[derive(Clone, Debug)]
pub struct Seeded {
    pub id: String,
    pub name: String,
    pub region: RegionRef,
}

/// The crate's kind of catalog unit `unit`, read from its label by the crate's
/// `from_label`; a label the crate does not know is a seed error naming the unit.
pub fn unit_kind<K>(
    unit: &UnitSkeleton,
    from_label: impl FnOnce(&str) -> Option<K>,
) -> Result<K, DbErr> {
    from_label(unit.kind).ok_or_else(|| {
        DbErr::Custom(format!(
            "catalog unit `{}` has an unknown kind `{}`",
            unit.id, unit.kind
        ))
    })
}

/// Inserts an organisation's units (the catalog's skeletons) into its table as
/// [`insert_directory`] does, and answers them as [`Seeded`] for the generators that
/// attach records to a unit.
pub async fn insert_units<C>(
    db: &C,
    progress: &Progress,
    table: DirectoryTable<'_>,
    units: impl IntoIterator<Item = UnitSkeleton>,
    mut extra: impl FnMut(&UnitSkeleton) -> Result<Vec<Value>, DbErr>,
) -> Result<Vec<Seeded>, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let units: Vec<UnitSkeleton> = units.into_iter().collect();
    insert_directory(db, progress, table, &units, |unit| extra(unit)).await?;
    Ok(units
        .into_iter()
        .map(|unit| Seeded {
            id: unit.id,
            name: unit.name,
            region: unit.region,
        })
        .collect())
}

/// A catalog skeleton as a directory row: the columns every organisation's table takes from
/// it unchanged, besides `id` and the region columns.
pub trait DirectoryRow {
    /// The shared columns, in the order of [`DirectoryRow::values`].
    const COLUMNS: &'static [&'static str];
    fn id(&self, key: DirectoryKey) -> Value;
    fn values(&self) -> Vec<Value>;
    fn region(&self) -> &RegionRef;
}

fn skeleton_id(key: DirectoryKey, seq: u32, id: &str) -> Value {
    match key {
        DirectoryKey::Number => i64::from(seq).into(),
        DirectoryKey::Text => id.into(),
    }
}

impl DirectoryRow for UnitSkeleton {
    const COLUMNS: &'static [&'static str] = &["name", "member_count", "founded_on"];
    fn id(&self, key: DirectoryKey) -> Value {
        skeleton_id(key, self.seq, &self.id)
    }
    fn values(&self) -> Vec<Value> {
        let members = i32::try_from(self.member_count).unwrap_or(i32::MAX);
        vec![
            self.name.clone().into(),
            members.into(),
            self.founded_on.into(),
        ]
    }
    fn region(&self) -> &RegionRef {
        &self.region
    }
}

impl DirectoryRow for ActivitySkeleton {
    const COLUMNS: &'static [&'static str] = &["title", "kind", "held_on", "participant_count"];
    fn id(&self, key: DirectoryKey) -> Value {
        skeleton_id(key, self.seq, &self.id)
    }
    fn values(&self) -> Vec<Value> {
        let participants = i32::try_from(self.participant_count).unwrap_or(i32::MAX);
        let (title, kind) = (self.title.clone(), self.kind);
        vec![
            title.into(),
            kind.into(),
            self.held_on.into(),
            participants.into(),
        ]
    }
    fn region(&self) -> &RegionRef {
        &self.region
    }
}

impl DirectoryRow for AwardSkeleton {
    const COLUMNS: &'static [&'static str] = &["title", "recipient_unit", "year"];
    fn id(&self, key: DirectoryKey) -> Value {
        skeleton_id(key, self.seq, &self.id)
    }
    fn values(&self) -> Vec<Value> {
        let (title, unit) = (self.title.clone(), self.recipient_unit.clone());
        vec![title.into(), unit.into(), self.year.into()]
    }
    fn region(&self) -> &RegionRef {
        &self.region
    }
}

impl<T: DirectoryRow> DirectoryRow for &T {
    const COLUMNS: &'static [&'static str] = T::COLUMNS;
    fn id(&self, key: DirectoryKey) -> Value {
        (*self).id(key)
    }
    fn values(&self) -> Vec<Value> {
        (*self).values()
    }
    fn region(&self) -> &RegionRef {
        (*self).region()
    }
}

/// Inserts the directory's units, activities or awards of an organisation (the catalog's
/// skeletons, by value or by reference) into its table: `id`, the shared columns of
/// [`DirectoryRow`] unchanged, then the crate's `extra_columns` with the values `extra`
/// gives (the crate's rule for a kind, who runs an activity, where), then the region
/// columns, so hub's directory and the table agree row by row.
pub async fn insert_directory<C, S>(
    db: &C,
    progress: &Progress,
    table: DirectoryTable<'_>,
    skeletons: impl IntoIterator<Item = S>,
    mut extra: impl FnMut(&S) -> Result<Vec<Value>, DbErr>,
) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
    S: DirectoryRow,
{
    let mut rows = Vec::new();
    for skeleton in skeletons {
        let mut row = vec![skeleton.id(table.key)];
        row.extend(skeleton.values());
        row.extend(extra(&skeleton)?);
        rows.push(with_region(row, skeleton.region()));
    }
    let columns: Vec<&str> = std::iter::once("id")
        .chain(S::COLUMNS.iter().copied())
        .chain(table.extra_columns.iter().copied())
        .collect();
    let (subgraph, name) = (table.subgraph, table.table);
    insert_located(db, progress, subgraph, name, &columns, rows.len(), rows).await
}

/// A subgraph's seed run: `written` (the statements writing the data set of `scale`), its
/// database error as [`KitError::Seed`] naming the subgraph and the data set.
pub async fn write_data_set(
    subgraph: &'static str,
    scale: crate::Scale,
    written: impl std::future::Future<Output = Result<(), DbErr>>,
) -> Result<(), KitError> {
    let context = format!("writing the {scale} data set");
    written.await.map_err(seed_failed(subgraph, &context))
}

/// Inserts the directory's awards of an organisation (`catalog::youth_awards(scale)`, ...)
/// into its integer-keyed awards table: `id` (the skeleton's number), `title`,
/// `recipient_unit`, `recipient_person`, `year` and the region columns.
pub async fn insert_awards<C>(
    db: &C,
    progress: &Progress,
    subgraph: &str,
    table: &str,
    awards: impl Iterator<Item = AwardSkeleton>,
) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let table = DirectoryTable::number_keyed(subgraph, table, &["recipient_person"]);
    insert_directory(db, progress, table, awards, |a| {
        Ok(vec![a.recipient_person.clone().into()])
    })
    .await
}

/// Inserts the directory's activities of an organisation (`catalog::youth_activities(scale)`,
/// ...) into its integer-keyed activities table: `id` (the skeleton's number), `title`,
/// `kind`, `held_on`, `participant_count`, `parent_column` and `service_center_id` (both
/// from `links`, the crate's rule for who runs an activity and where) and the region columns.
pub async fn insert_activities<C>(
    db: &C,
    progress: &Progress,
    subgraph: &str,
    (table, parent_column): (&str, &str),
    activities: impl Iterator<Item = ActivitySkeleton>,
    mut links: impl FnMut(&ActivitySkeleton) -> (Option<i64>, Option<String>),
) -> Result<u64, DbErr>
where
    C: ConnectionTrait + TransactionTrait,
{
    let extra_columns = [parent_column, "service_center_id"];
    let table = DirectoryTable::number_keyed(subgraph, table, &extra_columns);
    insert_directory(db, progress, table, activities, |a| {
        let (parent, center) = links(a);
        Ok(vec![parent.into(), center.into()])
    })
    .await
}

/// Record ids grouped by a region code (a district's, a community's), each group in the
/// order given: what a seed draws from to link a record to one of the same place.
pub fn ids_by_region(
    records: impl IntoIterator<Item = (String, i64)>,
) -> HashMap<String, Vec<i64>> {
    let mut groups: HashMap<String, Vec<i64>> = HashMap::new();
    for (code, id) in records {
        groups.entry(code).or_default().push(id);
    }
    groups
}

/// The `links` of [`insert_activities`] most organisations use: `in_ten` times in ten (the
/// roll of `rng.below(10)`) run by one of `by_district`'s records of the activity's district
/// when it has one, then held at the street's shared centre with chance `at_center`.
pub fn district_links<'a>(
    mut rng: Rng,
    by_district: &'a HashMap<String, Vec<i64>>,
    in_ten: u64,
    at_center: f64,
) -> impl FnMut(&ActivitySkeleton) -> (Option<i64>, Option<String>) + 'a {
    move |activity| {
        let roll = rng.below(10);
        let parent = match by_district.get(&activity.region.district_code) {
            Some(ids) if roll < in_ten => rng.pick(ids).copied(),
            _ => None,
        };
        let center = rng
            .chance(at_center)
            .then(|| street_center_id(&activity.region.street_code));
        (parent, center)
    }
}

/// Rows were written with explicit ids: on PostgreSQL move each table's `id` sequence past
/// them so the mutations' inserts get fresh ids. (SQLite's rowid needs nothing.)
pub async fn advance_id_sequences<C: ConnectionTrait>(
    db: &C,
    tables: &[&str],
) -> Result<(), DbErr> {
    if db.get_database_backend() != DbBackend::Postgres {
        return Ok(());
    }
    for table in tables {
        db.execute_unprepared(&format!(
            "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
             COALESCE((SELECT MAX(id) FROM {table}), 0) + 1, false)"
        ))
        .await?;
    }
    Ok(())
}

/// A calendar date of seed data (an impossible one falls back to 1970-01-01).
pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Double-quoted identifier (valid on SQLite and PostgreSQL).
fn quote(ident: &str) -> String {
    format!("\"{}\"", ident.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::{StatementCounter, test_database};
    use sea_orm::Statement;

    #[tokio::test]
    async fn bulk_insert_batches_rows_into_few_statements() -> Result<(), Box<dyn std::error::Error>>
    {
        let mut db = test_database().await;
        db.execute_unprepared(
            "CREATE TABLE item (id BIGINT PRIMARY KEY, name TEXT NOT NULL, note TEXT)",
        )
        .await?;
        let counter = StatementCounter::attach(&mut db);
        let rows = (0..5_000i64).map(|i| {
            let note: Option<String> = (i % 2 == 0).then(|| format!("n{i}"));
            vec![
                Value::from(i),
                Value::from(format!("item {i}")),
                Value::from(note),
            ]
        });
        let stage = Progress::hidden().stage("items", 5_000);
        let written = bulk_insert(&db, "item", &["id", "name", "note"], rows, &stage).await?;
        assert_eq!(written, 5_000);
        assert_eq!(stage.position(), 5_000);
        // 5,000 rows / 2,000 per statement = 3 inserts (+ BEGIN/COMMIT are not statements).
        let inserts = counter
            .statements()
            .iter()
            .filter(|s| s.starts_with("INSERT"))
            .count();
        assert_eq!(inserts, 3);
        let backend = db.get_database_backend();
        let row = db
            .query_one_raw(Statement::from_string(
                backend,
                "SELECT COUNT(*) AS n, COUNT(note) AS notes, MAX(name) AS last FROM item",
            ))
            .await?
            .ok_or("no row")?;
        assert_eq!(row.try_get::<i64>("", "n")?, 5_000);
        assert_eq!(row.try_get::<i64>("", "notes")?, 2_500);
        assert_eq!(row.try_get::<String>("", "last")?, "item 999");
        Ok(())
    }

    #[tokio::test]
    async fn rows_of_the_wrong_width_are_refused_and_nothing_is_written()
    -> Result<(), Box<dyn std::error::Error>> {
        let db = test_database().await;
        db.execute_unprepared("CREATE TABLE item (id BIGINT PRIMARY KEY, name TEXT NOT NULL)")
            .await?;
        let rows = vec![
            vec![Value::from(1i64), Value::from("a")],
            vec![Value::from(2i64)],
        ];
        let stage = Progress::hidden().stage("items", 2);
        let err = bulk_insert(&db, "item", &["id", "name"], rows, &stage)
            .await
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            err.as_deref(),
            Some("Custom Error: bulk insert into `item`: a row has 1 values for 2 columns")
        );
        let row = db
            .query_one_raw(Statement::from_string(
                db.get_database_backend(),
                "SELECT COUNT(*) AS n FROM item",
            ))
            .await?
            .ok_or("no row")?;
        assert_eq!(row.try_get::<i64>("", "n")?, 0);
        Ok(())
    }
}

//! `youth_region_figures`: the youth figures of every region (city, district, street and
//! community), one row per region code, so `Region.youth` reads a few rows instead of
//! aggregating the tables (733,000 volunteers at full scale) on every dashboard request.
//!
//! The migration creating it and the seed fill it set-based
//! (`quntuan_youth_migration::fill_region_figures`). Every mutation that writes a counted
//! table adds its increments to the rows of its record's community, street, district and
//! city inside its own transaction ([`add`]), so the summary always equals the aggregate of
//! the tables.

use std::collections::HashMap;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::{RegionLevel, RegionRef};
use quntuan_youth_migration::FIGURE_COLUMNS;
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

const TABLE: &str = "youth_region_figures";

/// One figure column of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
pub(crate) enum Figure {
    BranchCount,
    MemberCount,
    VolunteerCount,
    ServiceMinutes,
    YouthHomeCount,
    ActivityCount,
    ActivityParticipantCount,
    SocialWorkerCount,
    AwardCount,
}

/// The figures in the order [`figures_of`] answers them (and `YouthRegionFigures` reads).
pub(crate) const FIGURES: [Figure; 9] = [
    Figure::BranchCount,
    Figure::MemberCount,
    Figure::VolunteerCount,
    Figure::ServiceMinutes,
    Figure::YouthHomeCount,
    Figure::ActivityCount,
    Figure::ActivityParticipantCount,
    Figure::SocialWorkerCount,
    Figure::AwardCount,
];

impl Figure {
    /// Its column: the variants are declared in the order of the migration's columns.
    fn column(self) -> &'static str {
        FIGURE_COLUMNS[self as usize]
    }
}

/// Adds `increments` to the figures of `region` (a community or street where a record
/// was written), its street, its district and the city: one statement, to be run in the
/// transaction that writes the record.
pub(crate) async fn add<C: ConnectionTrait>(
    db: &C,
    region: &RegionRef,
    increments: &[(Figure, i64)],
) -> Result<(), DbErr> {
    if increments.is_empty() {
        return Ok(());
    }
    let backend = db.get_database_backend();
    let mut codes = vec![
        CITY_CODE,
        region.district_code.as_str(),
        region.street_code.as_str(),
        region.region_code.as_str(),
    ];
    // Rows locked in one order by every writer (PostgreSQL takes them in VALUES order), so
    // concurrent mutations queue instead of deadlocking.
    codes.sort_unstable();
    codes.dedup();
    let mut values: Vec<Value> = Vec::new();
    let mut tuples = Vec::with_capacity(codes.len());
    for code in codes {
        let mut marks = Vec::with_capacity(increments.len() + 1);
        values.push(code.to_string().into());
        marks.push(placeholder(backend, values.len()));
        for (_, delta) in increments {
            values.push((*delta).into());
            marks.push(placeholder(backend, values.len()));
        }
        tuples.push(format!("({})", marks.join(", ")));
    }
    let figures: Vec<Figure> = increments.iter().map(|(f, _)| *f).collect();
    let columns: Vec<&str> = figures.iter().map(|f| f.column()).collect();
    let sql = format!(
        "INSERT INTO {TABLE} (code, {}) VALUES {} {}",
        columns.join(", "),
        tuples.join(", "),
        on_conflict_add(&figures)
    );
    db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    Ok(())
}

/// The figures of each requested region in the order of [`FIGURES`], in one statement.
/// Codes that are not division codes, or have no row, answer zeros.
pub(crate) async fn figures_of<C: ConnectionTrait>(
    db: &C,
    codes: &[String],
) -> Result<HashMap<String, Vec<i64>>, DbErr> {
    let mut result: HashMap<String, Vec<i64>> = codes
        .iter()
        .map(|c| (c.clone(), vec![0; FIGURES.len()]))
        .collect();
    let backend = db.get_database_backend();
    let mut values: Vec<Value> = Vec::new();
    let mut marks = Vec::new();
    for code in codes {
        if RegionLevel::of_code(code).is_some() {
            values.push(code.clone().into());
            marks.push(placeholder(backend, values.len()));
        }
    }
    if values.is_empty() {
        return Ok(result);
    }
    let sql = format!(
        "SELECT code, {} FROM {TABLE} WHERE code IN ({})",
        column_list(),
        marks.join(", ")
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    for row in rows {
        let code: String = row.try_get("", "code")?;
        if let Some(slot) = result.get_mut(&code) {
            for (value, figure) in slot.iter_mut().zip(FIGURES) {
                *value = row.try_get::<i64>("", figure.column())?;
            }
        }
    }
    Ok(result)
}

fn column_list() -> String {
    FIGURE_COLUMNS.join(", ")
}

/// An upsert tail adding the inserted values of `figures` to an existing row.
fn on_conflict_add(figures: &[Figure]) -> String {
    let sets: Vec<String> = figures
        .iter()
        .map(|f| format!("{0} = {TABLE}.{0} + excluded.{0}", f.column()))
        .collect();
    format!("ON CONFLICT (code) DO UPDATE SET {}", sets.join(", "))
}

fn placeholder(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_string(),
    }
}

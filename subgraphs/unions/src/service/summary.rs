//! `unions_region_figures`: the unions figures of every region (city, district, street and
//! community), one row per region code, so `Region.unions` reads a few rows in one
//! statement instead of aggregating the tables (31,700 unions, 7,859 cases, ... at full
//! scale) on every dashboard request.
//!
//! The migration creating it and the seed fill it set-based
//! (`quntuan_unions_migration::fill_region_figures`). Every mutation that writes a counted
//! table adds its increments to the rows of its record's community, street, district and
//! city inside its own transaction ([`add`]), so the summary always equals the aggregate of
//! the tables (`figures::by_region`, kept as the tests' oracle).

use std::collections::HashMap;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::{RegionRef, RegionScope};
use quntuan_unions_migration::{DISPUTE_STATUS_COLUMNS, FIGURE_COLUMNS};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Iterable, Statement, Value};

use super::figures::FigureTable;
use crate::model::status::LaborDisputeStatus;

const TABLE: &str = "unions_region_figures";

pub(crate) const GRASSROOTS_UNION_COUNT: &str = "grassroots_union_count";
pub(crate) const MEMBER_COUNT: &str = "member_count";
pub(crate) const DISPUTE_COUNT: &str = "dispute_count";

/// The column counting the cases in `status`.
pub(crate) fn status_column(status: LaborDisputeStatus) -> &'static str {
    DISPUTE_STATUS_COLUMNS
        .iter()
        .find(|(stored, _)| *stored == status.as_str())
        .map_or(DISPUTE_COUNT, |(_, column)| column)
}

/// The summary columns holding `table`'s measures, in the order of
/// [`FigureTable`]'s measures (what `Region.unions` resolvers index).
fn columns(table: FigureTable) -> Vec<&'static str> {
    match table {
        FigureTable::GrassrootsUnions => vec![GRASSROOTS_UNION_COUNT, MEMBER_COUNT],
        FigureTable::WorkersHomes => vec![
            "workers_home_count",
            "model_home_count",
            "national_model_home_count",
            "provincial_model_home_count",
            "city_model_home_count",
        ],
        FigureTable::Disputes => std::iter::once(DISPUTE_COUNT)
            .chain(LaborDisputeStatus::iter().map(status_column))
            .collect(),
        FigureTable::Awards => vec!["award_count", "certificate_count", "medal_count"],
        FigureTable::SocialWorkers => vec!["social_worker_count"],
        FigureTable::Craftsmen => vec!["craftsman_count"],
        FigureTable::LaborSocialOrganizations => vec!["labor_social_organization_count"],
        FigureTable::Activities => vec!["activity_count", "activity_participant_count"],
    }
}

/// The figures of one region, by summary column.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SummaryRow(HashMap<&'static str, i64>);

impl SummaryRow {
    /// `table`'s measures, laid out as `figures::by_region` answers them.
    pub fn of(&self, table: FigureTable) -> Vec<i64> {
        columns(table)
            .iter()
            .map(|c| self.0.get(c).copied().unwrap_or(0))
            .collect()
    }
}

/// The figures of each requested region, in one statement. Codes that are not division
/// codes of the city are absent (as in the live aggregate); the others without a row
/// answer zeros.
pub async fn figures_of<C: ConnectionTrait>(
    db: &C,
    codes: &[String],
) -> Result<HashMap<String, SummaryRow>, DbErr> {
    let mut result: HashMap<String, SummaryRow> = HashMap::new();
    let backend = db.get_database_backend();
    let mut values: Vec<Value> = Vec::new();
    let mut marks = Vec::new();
    for code in codes {
        if RegionScope::of(code).is_some() && !result.contains_key(code) {
            result.insert(code.clone(), SummaryRow::default());
            values.push(code.clone().into());
            marks.push(placeholder(backend, values.len()));
        }
    }
    if values.is_empty() {
        return Ok(result);
    }
    let sql = format!(
        "SELECT code, {} FROM {TABLE} WHERE code IN ({})",
        FIGURE_COLUMNS.join(", "),
        marks.join(", ")
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    for row in rows {
        let code: String = row.try_get("", "code")?;
        if let Some(slot) = result.get_mut(&code) {
            for column in FIGURE_COLUMNS {
                slot.0.insert(column, row.try_get::<i64>("", column)?);
            }
        }
    }
    Ok(result)
}

/// Adds `increments` (summary columns and their deltas, written in code) to the figures of
/// `region` (the community or street of a record), its street, its district and the city:
/// one statement, to be run in the transaction that writes the record.
pub(crate) async fn add<C: ConnectionTrait>(
    db: &C,
    region: &RegionRef,
    increments: &[(&'static str, i64)],
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
    let columns: Vec<&str> = increments.iter().map(|(c, _)| *c).collect();
    let sets: Vec<String> = columns
        .iter()
        .map(|c| format!("{c} = {TABLE}.{c} + excluded.{c}"))
        .collect();
    let sql = format!(
        "INSERT INTO {TABLE} (code, {}) VALUES {} ON CONFLICT (code) DO UPDATE SET {}",
        columns.join(", "),
        tuples.join(", "),
        sets.join(", ")
    );
    db.execute_raw(Statement::from_sql_and_values(backend, sql, values))
        .await?;
    Ok(())
}

fn placeholder(backend: DbBackend, n: usize) -> String {
    match backend {
        DbBackend::Postgres => format!("${n}"),
        _ => "?".to_string(),
    }
}

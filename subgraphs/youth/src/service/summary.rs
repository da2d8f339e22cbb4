//! `youth_region_figures`: the youth figures of every region (city, district, street and
//! community), one row per region code, so `Region.youth` reads a few rows instead of
//! aggregating the tables (733,000 volunteers at full scale) on every dashboard request.
//!
//! The seed fills it set-based: one `GROUP BY region_code` over every counted table gives
//! the rows of the regions records live in (communities and streets), then each level rolls
//! up into its parent (communities into streets, streets into districts, districts into the
//! city). Every mutation that writes a counted table adds its increments to the rows of its
//! record's community, street, district and city inside its own transaction, so the summary
//! always equals the aggregate of the tables.

use std::collections::HashMap;

use quntuan_kit::region::CITY_CODE;
use quntuan_kit::{RegionLevel, RegionRef};
use sea_orm::{ConnectionTrait, DbBackend, DbErr, Statement, Value};

const TABLE: &str = "youth_region_figures";

/// One figure column of the summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
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
    fn column(self) -> &'static str {
        match self {
            Figure::BranchCount => "branch_count",
            Figure::MemberCount => "member_count",
            Figure::VolunteerCount => "volunteer_count",
            Figure::ServiceMinutes => "service_minutes",
            Figure::YouthHomeCount => "youth_home_count",
            Figure::ActivityCount => "activity_count",
            Figure::ActivityParticipantCount => "activity_participant_count",
            Figure::SocialWorkerCount => "social_worker_count",
            Figure::AwardCount => "award_count",
        }
    }
}

/// Each counted table and what one of its rows contributes to which figure.
const SOURCES: [(&str, &[(Figure, &str)]); 7] = [
    (
        "youth_branches",
        &[
            (Figure::BranchCount, "COUNT(*)"),
            (Figure::MemberCount, "SUM(member_count)"),
        ],
    ),
    ("youth_volunteers", &[(Figure::VolunteerCount, "COUNT(*)")]),
    (
        "youth_service_logs",
        &[(Figure::ServiceMinutes, "SUM(minutes)")],
    ),
    ("youth_homes", &[(Figure::YouthHomeCount, "COUNT(*)")]),
    (
        "youth_activities",
        &[
            (Figure::ActivityCount, "COUNT(*)"),
            (Figure::ActivityParticipantCount, "SUM(participant_count)"),
        ],
    ),
    (
        "youth_social_workers",
        &[(Figure::SocialWorkerCount, "COUNT(*)")],
    ),
    ("youth_awards", &[(Figure::AwardCount, "COUNT(*)")]),
];

/// Fills the (empty) summary from the tables: the seed's last step, in its transaction.
pub(crate) async fn build<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let columns = column_list();
    // The regions records live in: a community, or a street for street-level records.
    let parts: Vec<String> = SOURCES
        .iter()
        .map(|(table, measures)| {
            let slots: Vec<String> = FIGURES
                .iter()
                .map(|figure| {
                    let measure = measures
                        .iter()
                        .find(|(f, _)| f == figure)
                        .map_or("0", |(_, aggregate)| aggregate);
                    format!("{measure} AS {}", figure.column())
                })
                .collect();
            format!(
                "SELECT region_code AS code, {} FROM {table} GROUP BY region_code",
                slots.join(", ")
            )
        })
        .collect();
    let sql = format!(
        "INSERT INTO {TABLE} (code, {columns}) SELECT code, {} FROM ({}) parts GROUP BY code",
        sums(),
        parts.join(" UNION ALL ")
    );
    db.execute_raw(Statement::from_string(backend, sql)).await?;
    // Communities into streets (which may hold street-level records already), streets
    // into districts, districts into the city.
    roll_up(db, 12, "substr(code, 1, 9)", true).await?;
    roll_up(db, 9, "substr(code, 1, 6)", true).await?;
    roll_up(db, 6, &format!("'{CITY_CODE}'"), false).await
}

/// Adds the sums of the rows whose codes have `child_len` digits to their parents' rows.
/// Without `grouped` every child rolls into one parent (the city), and the city's row exists
/// even when the tables are empty.
async fn roll_up<C: ConnectionTrait>(
    db: &C,
    child_len: usize,
    parent: &str,
    grouped: bool,
) -> Result<(), DbErr> {
    let group = if grouped {
        format!(" GROUP BY {parent}")
    } else {
        String::new()
    };
    let sql = format!(
        "INSERT INTO {TABLE} (code, {}) SELECT {parent}, {} FROM {TABLE} WHERE length(code) = {child_len}{group} {}",
        column_list(),
        sums(),
        on_conflict_add(&FIGURES)
    );
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(())
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
    FIGURES
        .iter()
        .map(|f| f.column())
        .collect::<Vec<_>>()
        .join(", ")
}

/// `CAST(SUM(branch_count) AS BIGINT) AS branch_count, ...` (PostgreSQL sums bigints
/// as numeric).
fn sums() -> String {
    FIGURES
        .iter()
        .map(|f| format!("CAST(COALESCE(SUM({0}), 0) AS BIGINT) AS {0}", f.column()))
        .collect::<Vec<_>>()
        .join(", ")
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

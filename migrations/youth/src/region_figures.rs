//! Filling `youth_region_figures` from the tables, set-based: one `GROUP BY region_code`
//! over every counted table gives the rows of the regions records live in (communities, and
//! streets for street-level records), then each level rolls up into its parent
//! (communities into streets, streets into districts, districts into the city).
//!
//! The migration that creates the summary runs it, so a database seeded before the summary
//! existed answers its real figures, and the seed runs it last, in its transaction.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbErr, Statement};

const TABLE: &str = "youth_region_figures";

/// The city every district belongs to (the kit's `region::CITY_CODE`).
const CITY_CODE: &str = "510100";

/// The summary's figure columns, in the order `Region.youth` reads them.
pub const FIGURE_COLUMNS: [&str; 9] = [
    "branch_count",
    "member_count",
    "volunteer_count",
    "service_minutes",
    "youth_home_count",
    "activity_count",
    "activity_participant_count",
    "social_worker_count",
    "award_count",
];

/// Each counted table and what its rows contribute to which figure column.
const SOURCES: [(&str, &[(&str, &str)]); 7] = [
    (
        "youth_branches",
        &[
            ("branch_count", "COUNT(*)"),
            ("member_count", "SUM(member_count)"),
        ],
    ),
    ("youth_volunteers", &[("volunteer_count", "COUNT(*)")]),
    ("youth_service_logs", &[("service_minutes", "SUM(minutes)")]),
    ("youth_homes", &[("youth_home_count", "COUNT(*)")]),
    (
        "youth_activities",
        &[
            ("activity_count", "COUNT(*)"),
            ("activity_participant_count", "SUM(participant_count)"),
        ],
    ),
    (
        "youth_social_workers",
        &[("social_worker_count", "COUNT(*)")],
    ),
    ("youth_awards", &[("award_count", "COUNT(*)")]),
];

/// Replaces the summary's rows with the figures of the tables as they are: five
/// statements, whatever the number of rows. Run it in the transaction that wrote the rows.
pub async fn fill_region_figures<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(
        backend,
        format!("DELETE FROM {TABLE}"),
    ))
    .await?;
    let parts: Vec<String> = SOURCES
        .iter()
        .map(|(table, measures)| {
            let slots: Vec<String> = FIGURE_COLUMNS
                .iter()
                .map(|column| {
                    let measure = measures
                        .iter()
                        .find(|(c, _)| c == column)
                        .map_or("0", |(_, aggregate)| aggregate);
                    format!("{measure} AS {column}")
                })
                .collect();
            format!(
                "SELECT region_code AS code, {} FROM {table} GROUP BY region_code",
                slots.join(", ")
            )
        })
        .collect();
    let sql = format!(
        "INSERT INTO {TABLE} (code, {}) SELECT code, {} FROM ({}) parts GROUP BY code",
        FIGURE_COLUMNS.join(", "),
        sums(),
        parts.join(" UNION ALL ")
    );
    db.execute_raw(Statement::from_string(backend, sql)).await?;
    roll_up(db, 12, "substr(code, 1, 9)", true).await?;
    roll_up(db, 9, "substr(code, 1, 6)", true).await?;
    roll_up(db, 6, &format!("'{CITY_CODE}'"), false).await
}

/// Adds the sums of the rows whose codes have `child_len` digits to their parents' rows
/// (streets may hold street-level records already). Without `grouped` every child rolls
/// into one parent, the city, whose row then exists even when the tables are empty.
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
    let sets: Vec<String> = FIGURE_COLUMNS
        .iter()
        .map(|c| format!("{c} = {TABLE}.{c} + excluded.{c}"))
        .collect();
    // The WHERE clause also keeps SQLite from reading `ON CONFLICT` as a join constraint.
    let sql = format!(
        "INSERT INTO {TABLE} (code, {}) SELECT {parent}, {} FROM {TABLE} WHERE length(code) = {child_len}{group} ON CONFLICT (code) DO UPDATE SET {}",
        FIGURE_COLUMNS.join(", "),
        sums(),
        sets.join(", ")
    );
    db.execute_raw(Statement::from_string(db.get_database_backend(), sql))
        .await?;
    Ok(())
}

/// `CAST(COALESCE(SUM(branch_count), 0) AS BIGINT) AS branch_count, ...` (PostgreSQL
/// sums bigints as numeric).
fn sums() -> String {
    FIGURE_COLUMNS
        .iter()
        .map(|c| format!("CAST(COALESCE(SUM({c}), 0) AS BIGINT) AS {c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

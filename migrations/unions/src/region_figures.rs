//! Filling `unions_region_figures` from the tables, set-based: one `GROUP BY region_code`
//! over every counted table gives the rows of the regions records live in (communities, and
//! streets for street-level records), then each level rolls up into its parent
//! (communities into streets, streets into districts, districts into the city).
//!
//! The migration that creates the summary runs it, so a database seeded before the summary
//! existed answers its real figures, and the seed runs it last, in its transaction.

use sea_orm_migration::sea_orm::{ConnectionTrait, DbErr, Statement};

const TABLE: &str = "unions_region_figures";

/// The city every district belongs to (the kit's `region::CITY_CODE`).
const CITY_CODE: &str = "510100";

/// Each dispute status (the stored spelling, in workflow order) and the column counting the
/// cases in it.
pub const DISPUTE_STATUS_COLUMNS: [(&str, &str); 5] = [
    ("RECEIVED", "received_dispute_count"),
    ("MEDIATING", "mediating_dispute_count"),
    ("RESOLVED", "resolved_dispute_count"),
    ("REFERRED_TO_ARBITRATION", "referred_dispute_count"),
    ("WITHDRAWN", "withdrawn_dispute_count"),
];

/// The summary's figure columns, grouped by the table they count.
pub const FIGURE_COLUMNS: [&str; 21] = [
    "grassroots_union_count",
    "member_count",
    "workers_home_count",
    "model_home_count",
    "national_model_home_count",
    "provincial_model_home_count",
    "city_model_home_count",
    "dispute_count",
    DISPUTE_STATUS_COLUMNS[0].1,
    DISPUTE_STATUS_COLUMNS[1].1,
    DISPUTE_STATUS_COLUMNS[2].1,
    DISPUTE_STATUS_COLUMNS[3].1,
    DISPUTE_STATUS_COLUMNS[4].1,
    "award_count",
    "certificate_count",
    "medal_count",
    "social_worker_count",
    "craftsman_count",
    "labor_social_organization_count",
    "activity_count",
    "activity_participant_count",
];

fn when(condition: &str) -> String {
    format!("SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)")
}

/// Each counted table and what its rows contribute to which figure column (SQL written
/// here, never from input).
fn sources() -> Vec<(&'static str, Vec<(&'static str, String)>)> {
    let count = || "COUNT(*)".to_string();
    let mut disputes = vec![("dispute_count", count())];
    for (status, column) in DISPUTE_STATUS_COLUMNS {
        disputes.push((column, when(&format!("status = '{status}'"))));
    }
    vec![
        (
            "grassroots_union",
            vec![
                ("grassroots_union_count", count()),
                ("member_count", "SUM(member_count)".to_string()),
            ],
        ),
        (
            "workers_home",
            vec![
                ("workers_home_count", count()),
                ("model_home_count", when("model_level IS NOT NULL")),
                (
                    "national_model_home_count",
                    when("model_level = 'NATIONAL'"),
                ),
                (
                    "provincial_model_home_count",
                    when("model_level = 'PROVINCIAL'"),
                ),
                ("city_model_home_count", when("model_level = 'CITY'")),
            ],
        ),
        ("labor_dispute", disputes),
        (
            "labor_award",
            vec![
                ("award_count", count()),
                ("certificate_count", when("kind = 'CERTIFICATE'")),
                ("medal_count", when("kind = 'MEDAL'")),
            ],
        ),
        (
            "union_social_worker",
            vec![("social_worker_count", count())],
        ),
        ("craftsman", vec![("craftsman_count", count())]),
        (
            "labor_social_organization",
            vec![("labor_social_organization_count", count())],
        ),
        (
            "union_activity",
            vec![
                ("activity_count", count()),
                (
                    "activity_participant_count",
                    "SUM(participant_count)".to_string(),
                ),
            ],
        ),
    ]
}

/// Replaces the summary's rows with the figures of the tables as they are: five
/// statements, whatever the number of rows. Run it in the transaction that wrote the rows.
pub async fn fill_region_figures<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    db.execute_raw(Statement::from_string(
        backend,
        format!("DELETE FROM {TABLE}"),
    ))
    .await?;
    let parts: Vec<String> = sources()
        .iter()
        .map(|(table, measures)| {
            let slots: Vec<String> = FIGURE_COLUMNS
                .iter()
                .map(|column| {
                    let measure = measures
                        .iter()
                        .find(|(c, _)| c == column)
                        .map_or("0", |(_, aggregate)| aggregate.as_str());
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

/// `CAST(COALESCE(SUM(member_count), 0) AS BIGINT) AS member_count, ...` (PostgreSQL
/// sums bigints as numeric).
fn sums() -> String {
    FIGURE_COLUMNS
        .iter()
        .map(|c| format!("CAST(COALESCE(SUM({c}), 0) AS BIGINT) AS {c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

//! `youth_region_figures`: the youth figures of every region (city, district, street and
//! community), one row per region code (the kit's [`RegionSummary`]), so `Region.youth`
//! reads a few rows instead of aggregating the tables (733,000 volunteers at full scale)
//! on every dashboard request.
//!
//! The migration creating it fills it (`quntuan_youth_migration::fill_region_figures`), the
//! seed with `SUMMARY.fill`. Every mutation that writes a counted table adds its increments
//! to the rows of its record's community, street, district and city inside its own
//! transaction (`SUMMARY.add`), so the summary always equals the aggregate of the tables (the
//! tests compare it with `figures::LIVE_SOURCES`, written independently).

use quntuan_kit::summary::{RegionSummary, SummarySource};
use quntuan_youth_migration::FIGURE_COLUMNS;

/// The summary and what each table adds to it (SQL written here in code, never from input).
pub(crate) const SUMMARY: RegionSummary = RegionSummary {
    table: "youth_region_figures",
    columns: &FIGURE_COLUMNS,
    sources: &[
        SummarySource {
            table: "youth_branches",
            measures: &[
                ("branch_count", "COUNT(*)"),
                ("member_count", "SUM(member_count)"),
            ],
        },
        SummarySource {
            table: "youth_volunteers",
            measures: &[("volunteer_count", "COUNT(*)")],
        },
        SummarySource {
            table: "youth_service_logs",
            measures: &[("service_minutes", "SUM(minutes)")],
        },
        SummarySource {
            table: "youth_homes",
            measures: &[("youth_home_count", "COUNT(*)")],
        },
        SummarySource {
            table: "youth_activities",
            measures: &[
                ("activity_count", "COUNT(*)"),
                ("activity_participant_count", "SUM(participant_count)"),
            ],
        },
        SummarySource {
            table: "youth_social_workers",
            measures: &[("social_worker_count", "COUNT(*)")],
        },
        SummarySource {
            table: "youth_awards",
            measures: &[("award_count", "COUNT(*)")],
        },
    ],
    distinct: &[],
};

/// The figures of each requested region in the order of the migration's `FIGURE_COLUMNS`,
/// in one statement (what `Region.youth`'s `SummaryFigures` loader reads; the tests read it
/// here). Codes that are not division codes, or have no row, answer zeros.
#[cfg(test)]
pub(crate) async fn figures_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    codes: &[String],
) -> Result<std::collections::HashMap<String, Vec<i64>>, sea_orm::DbErr> {
    SUMMARY.read(db, codes).await
}

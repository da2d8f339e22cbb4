//! Filling `youth_region_figures` from the tables, set-based: one `GROUP BY region_code`
//! over every counted table gives the rows of the regions records live in (communities, and
//! streets for street-level records), then each level rolls up into its parent
//! (communities into streets, streets into districts, districts into the city).
//!
//! The migration that creates the summary runs it, so a database seeded before the summary
//! existed answers its real figures, and the seed runs it last, in its transaction.

use quntuan_kit::summary::{RegionSummary, SummarySource};
use sea_orm_migration::sea_orm::{ConnectionTrait, DbErr};

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

/// The summary and what each counted table adds to it (SQL written here in code, never from
/// input): the kit's [`RegionSummary`], which the subgraph reads and keeps current.
pub const SUMMARY: RegionSummary = RegionSummary {
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

/// Replaces the summary's rows with the figures of the tables as they are (the kit's
/// [`RegionSummary::fill`]: five statements, whatever the number of rows). Run it in the
/// transaction that wrote the rows.
pub async fn fill_region_figures<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    SUMMARY.fill(db).await
}

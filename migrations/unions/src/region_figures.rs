//! Filling `unions_region_figures` from the tables, set-based: one `GROUP BY region_code`
//! over every counted table gives the rows of the regions records live in (communities, and
//! streets for street-level records), then each level rolls up into its parent
//! (communities into streets, streets into districts, districts into the city).
//!
//! The migration that creates the summary runs it, so a database seeded before the summary
//! existed answers its real figures, and the seed runs it last, in its transaction.

use quntuan_kit::summary::{RegionSummary, SummarySource};
use sea_orm_migration::sea_orm::{ConnectionTrait, DbErr};

const TABLE: &str = "unions_region_figures";

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

/// The summary and what each counted table adds to it (SQL written here in code, never from
/// input): the kit's [`RegionSummary`], which the subgraph reads and keeps current.
pub const SUMMARY: RegionSummary = RegionSummary {
    table: TABLE,
    columns: &FIGURE_COLUMNS,
    sources: &[
        SummarySource {
            table: "grassroots_union",
            measures: &[
                ("grassroots_union_count", "COUNT(*)"),
                ("member_count", "SUM(member_count)"),
            ],
        },
        SummarySource {
            table: "workers_home",
            measures: &[
                ("workers_home_count", "COUNT(*)"),
                (
                    "model_home_count",
                    "SUM(CASE WHEN model_level IS NOT NULL THEN 1 ELSE 0 END)",
                ),
                (
                    "national_model_home_count",
                    "SUM(CASE WHEN model_level = 'NATIONAL' THEN 1 ELSE 0 END)",
                ),
                (
                    "provincial_model_home_count",
                    "SUM(CASE WHEN model_level = 'PROVINCIAL' THEN 1 ELSE 0 END)",
                ),
                (
                    "city_model_home_count",
                    "SUM(CASE WHEN model_level = 'CITY' THEN 1 ELSE 0 END)",
                ),
            ],
        },
        SummarySource {
            table: "labor_dispute",
            measures: &[
                ("dispute_count", "COUNT(*)"),
                (
                    "received_dispute_count",
                    "SUM(CASE WHEN status = 'RECEIVED' THEN 1 ELSE 0 END)",
                ),
                (
                    "mediating_dispute_count",
                    "SUM(CASE WHEN status = 'MEDIATING' THEN 1 ELSE 0 END)",
                ),
                (
                    "resolved_dispute_count",
                    "SUM(CASE WHEN status = 'RESOLVED' THEN 1 ELSE 0 END)",
                ),
                (
                    "referred_dispute_count",
                    "SUM(CASE WHEN status = 'REFERRED_TO_ARBITRATION' THEN 1 ELSE 0 END)",
                ),
                (
                    "withdrawn_dispute_count",
                    "SUM(CASE WHEN status = 'WITHDRAWN' THEN 1 ELSE 0 END)",
                ),
            ],
        },
        SummarySource {
            table: "labor_award",
            measures: &[
                ("award_count", "COUNT(*)"),
                (
                    "certificate_count",
                    "SUM(CASE WHEN kind = 'CERTIFICATE' THEN 1 ELSE 0 END)",
                ),
                (
                    "medal_count",
                    "SUM(CASE WHEN kind = 'MEDAL' THEN 1 ELSE 0 END)",
                ),
            ],
        },
        SummarySource {
            table: "union_social_worker",
            measures: &[("social_worker_count", "COUNT(*)")],
        },
        SummarySource {
            table: "craftsman",
            measures: &[("craftsman_count", "COUNT(*)")],
        },
        SummarySource {
            table: "labor_social_organization",
            measures: &[("labor_social_organization_count", "COUNT(*)")],
        },
        SummarySource {
            table: "union_activity",
            measures: &[
                ("activity_count", "COUNT(*)"),
                ("activity_participant_count", "SUM(participant_count)"),
            ],
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

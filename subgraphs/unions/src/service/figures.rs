//! Per-region figures, read from the `unions_region_figures` summary (the kit's
//! [`RegionSummary`]): one row per region code, filled by the migration that creates it and
//! by the seed, kept current by every mutation that writes a counted table inside its own
//! transaction (`SUMMARY.add`), so `Region.unions` reads a few rows in one statement
//! instead of aggregating the tables (31,700 unions, 7,859 cases, ... at full scale). The
//! live aggregate over the tables ([`RegionSummary::live`]) is what the summary must
//! always equal (the tests' oracle).

use quntuan_kit::summary::{RegionSummary, SummarySource};
use quntuan_unions_migration::{DISPUTE_STATUS_COLUMNS, FIGURE_COLUMNS};

use crate::model::status::LaborDisputeStatus;

/// The summary and what each table adds to it (SQL written here in code, never from input).
pub const SUMMARY: RegionSummary = RegionSummary {
    table: "unions_region_figures",
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

/// The tables figures are counted on; `Region.unions` reads each one's figures together.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FigureTable {
    /// `[unions, members]`
    GrassrootsUnions,
    /// `[homes, model homes, national, provincial, city]`
    WorkersHomes,
    /// `[cases, then one count per status in workflow order]`
    Disputes,
    /// `[awards, certificates, medals]`
    Awards,
    /// `[social workers]`
    SocialWorkers,
    /// `[craftsmen]`
    Craftsmen,
    /// `[labour-sector social organisations]`
    LaborSocialOrganizations,
    /// `[activities, participants]`
    Activities,
}

impl FigureTable {
    /// Where this table's figures sit among the summary's columns.
    pub fn columns(self) -> std::ops::Range<usize> {
        match self {
            FigureTable::GrassrootsUnions => 0..2,
            FigureTable::WorkersHomes => 2..7,
            FigureTable::Disputes => 7..13,
            FigureTable::Awards => 13..16,
            FigureTable::SocialWorkers => 16..17,
            FigureTable::Craftsmen => 17..18,
            FigureTable::LaborSocialOrganizations => 18..19,
            FigureTable::Activities => 19..21,
        }
    }
}

/// Position of a status's count in the [`FigureTable::Disputes`] measures.
pub fn dispute_status_index(status: LaborDisputeStatus) -> usize {
    1 + DISPUTE_STATUS_COLUMNS
        .iter()
        .position(|(stored, _)| *stored == status.as_str())
        .unwrap_or(0)
}

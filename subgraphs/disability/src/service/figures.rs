//! Per-region figures, read from the `disability_region_figures` summary (the kit's
//! [`RegionSummary`]): one row per region code, filled by the seed (and on start when the
//! table is new), so `Region.disability` reads a few rows in one statement instead of
//! aggregating the registry on every dashboard request. The federation has no mutations
//! yet; one that writes a counted table adds its increments with `SUMMARY.add` inside its
//! transaction. The live aggregate ([`RegionSummary::live`]) is the tests' oracle.

use quntuan_disability_migration::FIGURE_COLUMNS;
use quntuan_kit::summary::{RegionSummary, SummarySource};

/// The summary, in the order `DisabilityRegionFigures` reads it: organisations, their
/// members, workers, registered people, accessibility services, their beneficiaries,
/// awards.
pub const SUMMARY: RegionSummary = RegionSummary {
    table: "disability_region_figures",
    columns: &FIGURE_COLUMNS,
    sources: &[
        SummarySource {
            table: "disability_organizations",
            measures: &[
                ("organization_count", "COUNT(*)"),
                ("member_count", "SUM(member_count)"),
            ],
        },
        SummarySource {
            table: "disability_workers",
            measures: &[("worker_count", "COUNT(*)")],
        },
        SummarySource {
            table: "disability_persons",
            measures: &[("registered_person_count", "COUNT(*)")],
        },
        SummarySource {
            table: "disability_services",
            measures: &[
                ("service_count", "COUNT(*)"),
                ("service_participant_count", "SUM(participant_count)"),
            ],
        },
        SummarySource {
            table: "disability_awards",
            measures: &[("award_count", "COUNT(*)")],
        },
    ],
    distinct: &[],
};

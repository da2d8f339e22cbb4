//! The live per-region figures, aggregated from the tables in one SQL statement per batch
//! of regions. This was `Region.youth` before the summary table (`summary.rs`); it stays
//! as the tests' oracle: the summary must equal it for every region, after the seed and
//! after every mutation.
//!
//! Every table has `region_code` (community or street), `street_code` and `district_code`,
//! so "a region and everything below it" is an equality on one column chosen by the code's
//! level. For a batch of codes and several tables the statement is
//!
//! ```sql
//! SELECT code, CAST(SUM(f0) AS BIGINT) AS f0, ... FROM (
//!   SELECT district_code AS code, COUNT(*) AS f0, 0 AS f1 FROM t1 WHERE district_code IN (..) GROUP BY district_code
//!   UNION ALL SELECT street_code AS code, ... FROM t1 WHERE street_code IN (..) GROUP BY street_code
//!   UNION ALL SELECT code-of-city, ... FROM t1            -- whole city
//!   UNION ALL ... the same for t2 ...
//! ) figures GROUP BY code
//! ```

pub(crate) use quntuan_kit::figure_sources::{FigureSource, region_figures};

/// The tables in the order of `YouthRegionFigures` (service time in minutes).
pub(crate) const LIVE_SOURCES: &[FigureSource] = &[
    FigureSource {
        table: "youth_branches",
        aggregates: &["COUNT(*)", "COALESCE(SUM(member_count), 0)"],
    },
    FigureSource {
        table: "youth_volunteers",
        aggregates: &["COUNT(*)"],
    },
    FigureSource {
        table: "youth_service_logs",
        aggregates: &["COALESCE(SUM(minutes), 0)"],
    },
    FigureSource {
        table: "youth_homes",
        aggregates: &["COUNT(*)"],
    },
    FigureSource {
        table: "youth_activities",
        aggregates: &["COUNT(*)", "COALESCE(SUM(participant_count), 0)"],
    },
    FigureSource {
        table: "youth_social_workers",
        aggregates: &["COUNT(*)"],
    },
    FigureSource {
        table: "youth_awards",
        aggregates: &["COUNT(*)"],
    },
];

//! Per-region figures, read from the `unions_region_figures` summary (the kit's
//! `RegionSummary`, defined with the migration that creates and fills it): one row per
//! region code, filled by that migration and by the seed, kept current by every mutation
//! that writes a counted table inside its own transaction (`SUMMARY.add`), so
//! `Region.unions` reads a few rows in one statement instead of aggregating the tables
//! (31,700 unions, 7,859 cases, ... at full scale). The live aggregate over the tables
//! (`SUMMARY.live`) is what the summary must always equal (the tests' oracle).

use quntuan_unions_migration::DISPUTE_STATUS_COLUMNS;

use crate::model::status::LaborDisputeStatus;

/// The summary and what each table adds to it, defined once with the migration that
/// creates and fills it.
pub use quntuan_unions_migration::SUMMARY;

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
    /// Where this table's figures sit among the summary's columns: the measures of its
    /// source (the variants are in the order of the summary's sources).
    pub fn columns(self) -> std::ops::Range<usize> {
        SUMMARY.source_columns(self as usize)
    }
}

/// Position of a status's count in the [`FigureTable::Disputes`] measures.
pub fn dispute_status_index(status: LaborDisputeStatus) -> usize {
    1 + DISPUTE_STATUS_COLUMNS
        .iter()
        .position(|(stored, _)| *stored == status.as_str())
        .unwrap_or(0)
}

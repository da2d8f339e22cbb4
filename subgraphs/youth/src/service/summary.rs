//! `youth_region_figures`: the youth figures of every region (city, district, street and
//! community), one row per region code (the kit's
//! [`RegionSummary`](quntuan_kit::summary::RegionSummary)), so `Region.youth` reads a few
//! rows instead of aggregating the tables (733,000 volunteers at full scale) on every
//! dashboard request.
//!
//! The summary is declared once, in the migration that creates and fills it
//! (`quntuan_youth_migration::SUMMARY`); the seed fills it with `SUMMARY.fill`. Every
//! mutation that writes a counted table adds its increments to the rows of its record's
//! community, street, district and city inside its own transaction (`SUMMARY.add`), so the
//! summary always equals the aggregate of the tables (the tests compare it with
//! `figures::LIVE_SOURCES`, written independently).

pub(crate) use quntuan_youth_migration::SUMMARY;

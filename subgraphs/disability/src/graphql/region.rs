//! `Region` (owned by hub) extended with `disability`: the federation's figures of a region
//! and everything below it, read from the per-region summary, one statement per batch of
//! regions. Counts only: no breakdown by category or grade, which could single people out
//! in small communities.

use super::app;

quntuan_kit::region_figures! {
    loader(ctx) = app(ctx)?.loaders.region_figures;
    /// The Disabled Persons' Federation's figures for this region and everything below it.
    disability: DisabilityRegionFigures;
    // The fields stand in the order of `service::figures::SUMMARY`.
    /// Counts of the disabled persons' federation in a region (public aggregates).
    {
        /// Grassroots disabled persons' organisations.
        organization_count,
        /// Members of those organisations.
        organization_member_count,
        /// Full- and part-time disability workers.
        worker_count,
        /// People in the registry of people with disabilities.
        registered_person_count,
        /// Accessibility services (有爱无碍).
        service_count,
        /// People served by them.
        service_beneficiary_count,
        award_count,
    }
}

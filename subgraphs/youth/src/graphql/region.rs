//! `Region` (owned by hub) extended with `youth`: the youth figures of a region and
//! everything below it, read from the per-region summary, one statement per batch of regions.

use super::app;

quntuan_kit::region_figures! {
    loader(ctx) = app(ctx)?.loaders.region_figures;
    /// The Communist Youth League's figures for this region and everything below it.
    youth: YouthRegionFigures;
    // The fields stand in the order of the summary's columns (`quntuan_youth_migration::FIGURE_COLUMNS`) (service time stored in minutes).
    /// Counts and totals of the youth league in a region (public aggregates).
    {
        /// League branches and organisations.
        branch_count,
        /// League members in those branches.
        member_count,
        volunteer_count,
        /// Hours served by volunteers, over all logs.
        service_hours: f64 = |minutes: i64| minutes as f64 / 60.0,
        youth_home_count,
        activity_count,
        activity_participant_count,
        social_worker_count,
        award_count,
    }
}

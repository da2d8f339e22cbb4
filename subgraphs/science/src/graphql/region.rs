//! `Region` (owned by hub) extended with `science`: the science figures of a region and
//! everything below it, one SQL aggregate per batch of regions.

use super::app;

quntuan_kit::region_figures! {
    loader(ctx) = app(ctx)?.loaders.region_figures;
    /// The Association for Science and Technology's figures for this region and
    /// everything below it.
    science: ScienceRegionFigures;
    // The fields stand in the order of `loaders::FIGURE_SOURCES`.
    /// Counts and totals of the science association in a region (public aggregates).
    {
        /// Enterprise and institution science associations.
        association_count,
        /// Members of those associations.
        association_member_count,
        /// Academician and expert innovation workstations.
        workstation_count,
        /// Of which academician workstations.
        academician_workstation_count,
        /// Science-popularisation activities.
        activity_count,
        activity_participant_count,
        /// "Most beautiful science worker" honours.
        award_count,
    }
}

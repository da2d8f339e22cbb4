//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these, so a page of N records costs a constant number of statements.

use quntuan_kit::rows::{ById, ChildrenOf, TotalsOf, by_primary_key, children_of, totals_of};
use quntuan_kit::summary::SummaryFigures;

use crate::entity::{activity, award, branch, home, service_log, social_worker, volunteer};
use crate::service::summary;

quntuan_kit::loaders! {
    /// All loaders of one schema (shared by its requests; none caches, so every request
    /// reads current rows).
    pub(crate) struct Loaders(db) {
        branch: ById<branch::Entity> = by_primary_key(db),
        home: ById<home::Entity> = by_primary_key(db),
        volunteer: ById<volunteer::Entity> = by_primary_key(db),
        service_log: ById<service_log::Entity> = by_primary_key(db),
        activity: ById<activity::Entity> = by_primary_key(db),
        social_worker: ById<social_worker::Entity> = by_primary_key(db),
        award: ById<award::Entity> = by_primary_key(db),
        logs_of_volunteer: ChildrenOf<service_log::Entity, i64> =
            children_of(db, service_log::Column::VolunteerId),
        activities_of_home: ChildrenOf<activity::Entity, i64> =
            children_of(db, activity::Column::YouthHomeId),
        homes_at_center: ChildrenOf<home::Entity, String> =
            children_of(db, home::Column::ServiceCenterId),
        activities_at_center: ChildrenOf<activity::Entity, String> =
            children_of(db, activity::Column::ServiceCenterId),
        workers_at_center: ChildrenOf<social_worker::Entity, String> =
            children_of(db, social_worker::Column::ServiceCenterId),
        volunteers_per_branch: TotalsOf<volunteer::Entity> =
            totals_of(db, volunteer::Column::BranchId, "COUNT(*)"),
        minutes_per_volunteer: TotalsOf<service_log::Entity> =
            totals_of(db, service_log::Column::VolunteerId, "SUM(minutes)"),
        /// `Region.youth` figures, from the summary (`service::summary`).
        region_figures: SummaryFigures = SummaryFigures::new(db, &summary::SUMMARY),
    }
}

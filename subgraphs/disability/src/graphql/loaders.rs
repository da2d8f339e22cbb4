//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these (the kit's row loaders), so a page of N records costs a constant number of
//! statements.

use quntuan_kit::rows::{ById, ChildrenOf, TotalsOf, by_primary_key, children_of, totals_of};
use quntuan_kit::summary::SummaryFigures;

use crate::entity::{award, organization, person, service, worker};
use crate::service::figures;
use person::Column as P;
use service::Column as S;
use worker::Column as W;

quntuan_kit::loaders! {
    /// All loaders of one schema (shared by its requests; none caches, so every request
    /// reads current rows).
    pub(crate) struct Loaders(db) {
        organization: ById<organization::Entity> = by_primary_key(db),
        worker: ById<worker::Entity> = by_primary_key(db),
        person: ById<person::Entity> = by_primary_key(db),
        service: ById<service::Entity> = by_primary_key(db),
        award: ById<award::Entity> = by_primary_key(db),
        workers_of_organization: ChildrenOf<worker::Entity, i64> =
            children_of(db, W::OrganizationId),
        services_of_organization: ChildrenOf<service::Entity, i64> =
            children_of(db, S::OrganizationId),
        workers_at_center: ChildrenOf<worker::Entity, String> =
            children_of(db, W::ServiceCenterId),
        services_at_center: ChildrenOf<service::Entity, String> =
            children_of(db, S::ServiceCenterId),
        persons_per_organization: TotalsOf<person::Entity> =
            totals_of(db, P::OrganizationId, "COUNT(*)"),
        /// `Region.disability` figures, from the summary (`service::figures`).
        region_figures: SummaryFigures = SummaryFigures::new(db, &figures::SUMMARY),
    }
}

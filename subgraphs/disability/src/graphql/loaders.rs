//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these (the kit's row loaders), so a page of N records costs a constant number of
//! statements.

use async_graphql::dataloader::DataLoader;
use quntuan_kit::dataloader;
use quntuan_kit::rows::{ById, ChildrenOf, TotalsOf, by_primary_key, children_of, totals_of};
use quntuan_kit::summary::SummaryFigures;
use sea_orm::DatabaseConnection;

use crate::entity::{award, organization, person, service, worker};
use crate::service::figures;

/// All loaders of one schema (shared by its requests; none caches, so every request
/// reads current rows).
pub(crate) struct Loaders {
    pub(crate) organization: DataLoader<ById<organization::Entity>>,
    pub(crate) worker: DataLoader<ById<worker::Entity>>,
    pub(crate) person: DataLoader<ById<person::Entity>>,
    pub(crate) service: DataLoader<ById<service::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) workers_of_organization: DataLoader<ChildrenOf<worker::Entity, i64>>,
    pub(crate) services_of_organization: DataLoader<ChildrenOf<service::Entity, i64>>,
    pub(crate) workers_at_center: DataLoader<ChildrenOf<worker::Entity, String>>,
    pub(crate) services_at_center: DataLoader<ChildrenOf<service::Entity, String>>,
    pub(crate) persons_per_organization: DataLoader<TotalsOf<person::Entity>>,
    /// `Region.disability` figures, from the summary (`service::figures`).
    pub(crate) region_figures: DataLoader<SummaryFigures>,
}

impl Loaders {
    pub(crate) fn new(db: &DatabaseConnection) -> Loaders {
        use service::Column as S;
        use worker::Column as W;
        Loaders {
            organization: dataloader(by_primary_key(db)),
            worker: dataloader(by_primary_key(db)),
            person: dataloader(by_primary_key(db)),
            service: dataloader(by_primary_key(db)),
            award: dataloader(by_primary_key(db)),
            workers_of_organization: dataloader(children_of(db, W::OrganizationId)),
            services_of_organization: dataloader(children_of(db, S::OrganizationId)),
            workers_at_center: dataloader(children_of(db, W::ServiceCenterId)),
            services_at_center: dataloader(children_of(db, S::ServiceCenterId)),
            persons_per_organization: dataloader(totals_of(
                db,
                person::Column::OrganizationId,
                "COUNT(*)",
            )),
            region_figures: dataloader(SummaryFigures::new(db, &figures::SUMMARY)),
        }
    }
}

//! Dataloaders: every entity resolver and every list under a parent goes through one of
//! these, so a page of N records costs a constant number of statements.

use async_graphql::dataloader::DataLoader;
use quntuan_kit::dataloader;
use quntuan_kit::rows::{ById, ChildrenOf, TotalsOf, by_primary_key, children_of, totals_of};
use quntuan_kit::summary::SummaryFigures;
use sea_orm::DatabaseConnection;

use crate::entity::{activity, award, branch, home, service_log, social_worker, volunteer};
use crate::service::summary;

/// All loaders of one schema (shared by its requests; none caches, so every request
/// reads current rows).
pub(crate) struct Loaders {
    pub(crate) branch: DataLoader<ById<branch::Entity>>,
    pub(crate) home: DataLoader<ById<home::Entity>>,
    pub(crate) volunteer: DataLoader<ById<volunteer::Entity>>,
    pub(crate) service_log: DataLoader<ById<service_log::Entity>>,
    pub(crate) activity: DataLoader<ById<activity::Entity>>,
    pub(crate) social_worker: DataLoader<ById<social_worker::Entity>>,
    pub(crate) award: DataLoader<ById<award::Entity>>,
    pub(crate) logs_of_volunteer: DataLoader<ChildrenOf<service_log::Entity, i64>>,
    pub(crate) activities_of_home: DataLoader<ChildrenOf<activity::Entity, i64>>,
    pub(crate) homes_at_center: DataLoader<ChildrenOf<home::Entity, String>>,
    pub(crate) activities_at_center: DataLoader<ChildrenOf<activity::Entity, String>>,
    pub(crate) workers_at_center: DataLoader<ChildrenOf<social_worker::Entity, String>>,
    pub(crate) volunteers_per_branch: DataLoader<TotalsOf<volunteer::Entity>>,
    pub(crate) minutes_per_volunteer: DataLoader<TotalsOf<service_log::Entity>>,
    /// `Region.youth` figures, from the summary (`service::summary`).
    pub(crate) region_figures: DataLoader<SummaryFigures>,
}

impl Loaders {
    pub(crate) fn new(db: &DatabaseConnection) -> Loaders {
        Loaders {
            branch: dataloader(by_primary_key(db)),
            home: dataloader(by_primary_key(db)),
            volunteer: dataloader(by_primary_key(db)),
            service_log: dataloader(by_primary_key(db)),
            activity: dataloader(by_primary_key(db)),
            social_worker: dataloader(by_primary_key(db)),
            award: dataloader(by_primary_key(db)),
            logs_of_volunteer: dataloader(children_of(db, service_log::Column::VolunteerId)),
            activities_of_home: dataloader(children_of(db, activity::Column::YouthHomeId)),
            homes_at_center: dataloader(children_of(db, home::Column::ServiceCenterId)),
            activities_at_center: dataloader(children_of(db, activity::Column::ServiceCenterId)),
            workers_at_center: dataloader(children_of(db, social_worker::Column::ServiceCenterId)),
            volunteers_per_branch: dataloader(totals_of(
                db,
                volunteer::Column::BranchId,
                "COUNT(*)",
            )),
            minutes_per_volunteer: dataloader(totals_of(
                db,
                service_log::Column::VolunteerId,
                "SUM(minutes)",
            )),
            region_figures: dataloader(SummaryFigures::new(db, &summary::SUMMARY)),
        }
    }
}

//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::MergedObject;

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, ScienceActivityFilter, ScienceAssociationFilter, ScienceAwardFilter,
    ScienceWorkstationFilter,
};

#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

quntuan_kit::list_queries! {
    ListQuery, db(ctx) = &app(ctx)?.db;
    /// Enterprise and institution science associations, filtered, one page at a time.
    science_associations(ScienceAssociationFilter)
        -> ScienceAssociationConnection of ScienceAssociation = lists::associations;
    /// Academician and expert innovation workstations, filtered, one page at a time.
    science_workstations(ScienceWorkstationFilter)
        -> ScienceWorkstationConnection of ScienceWorkstation = lists::workstations;
    /// Science-popularisation activities, filtered, one page at a time.
    science_activities(ScienceActivityFilter)
        -> ScienceActivityConnection of ScienceActivity = lists::activities;
    /// "Most beautiful science worker" honours, filtered, one page at a time.
    science_awards(ScienceAwardFilter) -> ScienceAwardConnection of ScienceAward = lists::awards;
}

quntuan_kit::entity_lookups! {
    /// Lookups by id that also answer `_entities`.
    EntityQuery, app: super::app, extends Region and ServiceCenter;
    find_science_association_by_id => ScienceAssociation, association, ids::ASSOCIATION, "science association";
    find_science_workstation_by_id => ScienceWorkstation, workstation, ids::WORKSTATION, "workstation";
    find_science_activity_by_id => ScienceActivity, event, ids::ACTIVITY, "science activity";
    find_science_award_by_id => ScienceAward, award, ids::AWARD, "science award";
}

//! Root query fields: filtered, paginated lists, lookups by id, and the federation entity
//! resolvers (all batched through the dataloader).

use async_graphql::MergedObject;

use super::center::ServiceCenter;
use super::directory::{GrassrootsUnion, UnionActivity, UnionAward};
use super::dispute::LaborDispute;
use super::loaders::{
    ActivityById, AwardById, CraftsmanById, DisputeById, HomeById, LaborOrganizationById,
    SocialWorkerById, UnionById,
};
use super::people::{Craftsman, UnionSocialWorker};
use super::places::{LaborSocialOrganization, WorkersHome};
use super::region::Region;
use crate::service::activities::UnionActivityFilter;
use crate::service::awards::LaborAwardFilter;
use crate::service::disputes::LaborDisputeFilter;
use crate::service::homes::WorkersHomeFilter;
use crate::service::organizations::LaborSocialOrganizationFilter;
use crate::service::people::{CraftsmanFilter, UnionSocialWorkerFilter};
use crate::service::unions::GrassrootsUnionFilter;
use crate::service::{activities, awards, disputes, homes, organizations, people, unions};

/// The root query of the unions subgraph.
#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

quntuan_kit::list_queries! {
    ListQuery, db(ctx) = super::db(ctx)?;
    /// Grassroots unions, ordered by id.
    grassroots_unions(GrassrootsUnionFilter)
        -> GrassrootsUnionConnection("A page of grassroots unions.")
        of GrassrootsUnion = unions::list;
    /// Workers' homes, ordered by id.
    workers_homes(WorkersHomeFilter)
        -> WorkersHomeConnection("A page of workers' homes.") of WorkersHome = homes::list;
    /// Labour-dispute cases, newest first.
    labor_disputes(LaborDisputeFilter)
        -> LaborDisputeConnection("A page of labour-dispute cases.")
        of LaborDispute = disputes::list;
    /// May Day labour certificates and medals, ordered by id.
    union_awards(LaborAwardFilter)
        -> UnionAwardConnection("A page of May Day awards.") of UnionAward = awards::list;
    /// Union activities, latest first.
    union_activities(UnionActivityFilter)
        -> UnionActivityConnection("A page of union activities.")
        of UnionActivity = activities::list;
    /// Socialised union workers, ordered by id.
    union_social_workers(UnionSocialWorkerFilter)
        -> UnionSocialWorkerConnection("A page of union social workers.")
        of UnionSocialWorker = people::list_social_workers;
    /// Honoured craftsmen, ordered by id.
    craftsmen(CraftsmanFilter)
        -> CraftsmanConnection("A page of craftsmen.") of Craftsman = people::list_craftsmen;
    /// Labour-sector social organisations, ordered by id.
    labor_social_organizations(LaborSocialOrganizationFilter)
        -> LaborSocialOrganizationConnection("A page of labour-sector social organisations.")
        of LaborSocialOrganization = organizations::list;
}

quntuan_kit::string_key_lookups! {
    /// Lookups by id; the `#[graphql(entity)]` ones also answer `_entities`.
    EntityQuery, loader: super::loader, extends Region and ServiceCenter;
    grassroots_union => GrassrootsUnion, UnionById;
    workers_home => WorkersHome, HomeById;
    labor_dispute => LaborDispute, DisputeById;
    #[graphql(entity)]
    find_grassroots_union_by_id => GrassrootsUnion, UnionById;
    #[graphql(entity)]
    find_union_activity_by_id => UnionActivity, ActivityById;
    #[graphql(entity)]
    find_union_award_by_id => UnionAward, AwardById;
    #[graphql(entity)]
    find_labor_dispute_by_id => LaborDispute, DisputeById;
    #[graphql(entity)]
    find_workers_home_by_id => WorkersHome, HomeById;
    #[graphql(entity)]
    find_union_social_worker_by_id => UnionSocialWorker, SocialWorkerById;
    #[graphql(entity)]
    find_craftsman_by_id => Craftsman, CraftsmanById;
    #[graphql(entity)]
    find_labor_social_organization_by_id => LaborSocialOrganization, LaborOrganizationById;
}

//! Root query fields: filtered, paginated lists, lookups by id, and the federation entity
//! resolvers (all batched through the dataloader).

use async_graphql::{Context, ID, MergedObject, Object};
use quntuan_kit::Page;
use quntuan_kit::subgraph_schema::load_one;

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
use super::{db, loader};
use crate::service::activities::UnionActivityFilter;
use crate::service::awards::LaborAwardFilter;
use crate::service::disputes::LaborDisputeFilter;
use crate::service::homes::WorkersHomeFilter;
use crate::service::organizations::LaborSocialOrganizationFilter;
use crate::service::people::{CraftsmanFilter, UnionSocialWorkerFilter};
use crate::service::unions::GrassrootsUnionFilter;
use crate::service::{activities, awards, disputes, homes, organizations, people, unions};

quntuan_kit::connection!(
    /// A page of grassroots unions.
    GrassrootsUnionConnection, GrassrootsUnion);
quntuan_kit::connection!(
    /// A page of workers' homes.
    WorkersHomeConnection, WorkersHome);
quntuan_kit::connection!(
    /// A page of labour-dispute cases.
    LaborDisputeConnection, LaborDispute);
quntuan_kit::connection!(
    /// A page of May Day awards.
    UnionAwardConnection, UnionAward);
quntuan_kit::connection!(
    /// A page of union activities.
    UnionActivityConnection, UnionActivity);
quntuan_kit::connection!(
    /// A page of union social workers.
    UnionSocialWorkerConnection, UnionSocialWorker);
quntuan_kit::connection!(
    /// A page of craftsmen.
    CraftsmanConnection, Craftsman);
quntuan_kit::connection!(
    /// A page of labour-sector social organisations.
    LaborSocialOrganizationConnection, LaborSocialOrganization);

/// The root query of the unions subgraph.
#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

#[derive(Default)]
pub struct ListQuery;

#[Object]
impl ListQuery {
    /// Grassroots unions, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn grassroots_unions(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: GrassrootsUnionFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<GrassrootsUnionConnection> {
        let page = Page::new(limit, offset)?;
        let found = unions::list(db(ctx)?, &filter, page).await?;
        Ok(GrassrootsUnionConnection::of(found, GrassrootsUnion))
    }

    /// Workers' homes, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn workers_homes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WorkersHomeFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WorkersHomeConnection> {
        let page = Page::new(limit, offset)?;
        let found = homes::list(db(ctx)?, &filter, page).await?;
        Ok(WorkersHomeConnection::of(found, WorkersHome))
    }

    /// Labour-dispute cases, newest first.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn labor_disputes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: LaborDisputeFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<LaborDisputeConnection> {
        let page = Page::new(limit, offset)?;
        let found = disputes::list(db(ctx)?, &filter, page).await?;
        Ok(LaborDisputeConnection::of(found, LaborDispute))
    }

    /// May Day labour certificates and medals, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn union_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: LaborAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<UnionAwardConnection> {
        let page = Page::new(limit, offset)?;
        let found = awards::list(db(ctx)?, &filter, page).await?;
        Ok(UnionAwardConnection::of(found, UnionAward))
    }

    /// Union activities, latest first.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn union_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: UnionActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<UnionActivityConnection> {
        let page = Page::new(limit, offset)?;
        let found = activities::list(db(ctx)?, &filter, page).await?;
        Ok(UnionActivityConnection::of(found, UnionActivity))
    }

    /// Socialised union workers, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn union_social_workers(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: UnionSocialWorkerFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<UnionSocialWorkerConnection> {
        let page = Page::new(limit, offset)?;
        let found = people::list_social_workers(db(ctx)?, &filter, page).await?;
        Ok(UnionSocialWorkerConnection::of(found, UnionSocialWorker))
    }

    /// Honoured craftsmen, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn craftsmen(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: CraftsmanFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<CraftsmanConnection> {
        let page = Page::new(limit, offset)?;
        let found = people::list_craftsmen(db(ctx)?, &filter, page).await?;
        Ok(CraftsmanConnection::of(found, Craftsman))
    }

    /// Labour-sector social organisations, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn labor_social_organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: LaborSocialOrganizationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<LaborSocialOrganizationConnection> {
        let page = Page::new(limit, offset)?;
        let found = organizations::list(db(ctx)?, &filter, page).await?;
        Ok(LaborSocialOrganizationConnection::of(
            found,
            LaborSocialOrganization,
        ))
    }
}

/// Lookups by id; the `#[graphql(entity)]` ones also answer `_entities`.
#[derive(Default)]
pub struct EntityQuery;

#[Object]
impl EntityQuery {
    async fn grassroots_union(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<GrassrootsUnion>> {
        Ok(load_one(loader(ctx)?, UnionById(id.0), GrassrootsUnion).await?)
    }

    async fn workers_home(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WorkersHome>> {
        Ok(load_one(loader(ctx)?, HomeById(id.0), WorkersHome).await?)
    }

    async fn labor_dispute(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<LaborDispute>> {
        Ok(load_one(loader(ctx)?, DisputeById(id.0), LaborDispute).await?)
    }

    #[graphql(entity)]
    async fn find_grassroots_union_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<GrassrootsUnion>> {
        Ok(load_one(loader(ctx)?, UnionById(id.0), GrassrootsUnion).await?)
    }

    #[graphql(entity)]
    async fn find_union_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<UnionActivity>> {
        Ok(load_one(loader(ctx)?, ActivityById(id.0), UnionActivity).await?)
    }

    #[graphql(entity)]
    async fn find_union_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<UnionAward>> {
        Ok(load_one(loader(ctx)?, AwardById(id.0), UnionAward).await?)
    }

    #[graphql(entity)]
    async fn find_labor_dispute_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<LaborDispute>> {
        Ok(load_one(loader(ctx)?, DisputeById(id.0), LaborDispute).await?)
    }

    #[graphql(entity)]
    async fn find_workers_home_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WorkersHome>> {
        Ok(load_one(loader(ctx)?, HomeById(id.0), WorkersHome).await?)
    }

    #[graphql(entity)]
    async fn find_union_social_worker_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<UnionSocialWorker>> {
        Ok(load_one(loader(ctx)?, SocialWorkerById(id.0), UnionSocialWorker).await?)
    }

    #[graphql(entity)]
    async fn find_craftsman_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<Craftsman>> {
        Ok(load_one(loader(ctx)?, CraftsmanById(id.0), Craftsman).await?)
    }

    #[graphql(entity)]
    async fn find_labor_social_organization_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<LaborSocialOrganization>> {
        let key = LaborOrganizationById(id.0);
        Ok(load_one(loader(ctx)?, key, LaborSocialOrganization).await?)
    }

    /// hub's regions, extended with the unions' figures.
    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> Region {
        Region { code }
    }

    /// hub's service centres, extended with what the unions run there.
    #[graphql(entity)]
    async fn find_service_center_by_id(&self, id: ID) -> ServiceCenter {
        ServiceCenter::new(id.0)
    }
}

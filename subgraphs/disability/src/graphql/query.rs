//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, MergedObject, Object, Result};
use quntuan_kit::Page;
use quntuan_kit::auth::{DISABILITY_SENSITIVE, require_scope};

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, DisabilityActivityFilter, DisabilityAwardFilter, DisabilityOrganizationFilter,
    DisabilityWorkerFilter, DisabledPersonFilter,
};

#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

#[derive(Default)]
pub(super) struct ListQuery;

#[Object]
impl ListQuery {
    /// Grassroots disabled persons' organisations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disability_organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabilityOrganizationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabilityOrganizationConnection> {
        let found = lists::organizations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityOrganizationConnection::of(
            found,
            DisabilityOrganization,
        ))
    }

    /// Disability workers, filtered, one page at a time (personal fields need
    /// `disability:personal`).
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disability_workers(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabilityWorkerFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabilityWorkerConnection> {
        let found = lists::workers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityWorkerConnection::of(found, DisabilityWorker))
    }

    /// The registry of people with disabilities, filtered, one page at a time. Filtering by
    /// category or grade needs `disability:sensitive`.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disabled_persons(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabledPersonFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabledPersonConnection> {
        if filter.category.is_some() || filter.grade.is_some() {
            require_scope(
                ctx,
                DISABILITY_SENSITIVE,
                "disabledPersons.filter",
                "category/grade",
            )?;
        }
        let found = lists::persons(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabledPersonConnection::of(found, DisabledPerson))
    }

    /// Accessibility services (有爱无碍), filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disability_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabilityActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabilityActivityConnection> {
        let found = lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityActivityConnection::of(found, DisabilityActivity))
    }

    /// Awards of the federation, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disability_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabilityAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabilityAwardConnection> {
        let found = lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityAwardConnection::of(found, DisabilityAward))
    }
}

quntuan_kit::entity_lookups! {
    /// Lookups by id that also answer `_entities`.
    EntityQuery, app: super::app, extends Region and ServiceCenter;
    find_disability_organization_by_id => DisabilityOrganization, organization, ids::ORGANIZATION, "organisation";
    find_disability_worker_by_id => DisabilityWorker, worker, ids::WORKER, "disability worker";
    find_disabled_person_by_id => DisabledPerson, person, ids::PERSON, "registered person";
    find_disability_activity_by_id => DisabilityActivity, service, ids::SERVICE, "accessibility service";
    find_disability_award_by_id => DisabilityAward, award, ids::AWARD, "disability award";
}

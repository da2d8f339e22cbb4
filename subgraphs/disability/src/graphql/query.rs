//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, ID, Object, Result};
use quntuan_kit::auth::{DISABILITY_SENSITIVE, require_scope};
use quntuan_kit::{ApiError, Page};

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, DisabilityActivityFilter, DisabilityAwardFilter, DisabilityOrganizationFilter,
    DisabilityWorkerFilter, DisabledPersonFilter,
};

pub struct Query;

fn not_found(what: &str, id: &str) -> async_graphql::Error {
    ApiError::not_found(what, id).into()
}

#[Object]
impl Query {
    /// Grassroots disabled persons' organisations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn disability_organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: DisabilityOrganizationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<DisabilityOrganizationConnection> {
        let (total_count, rows) =
            lists::organizations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityOrganizationConnection {
            total_count,
            items: rows.into_iter().map(DisabilityOrganization).collect(),
        })
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
        let (total_count, rows) =
            lists::workers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityWorkerConnection {
            total_count,
            items: rows.into_iter().map(DisabilityWorker).collect(),
        })
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
        let (total_count, rows) =
            lists::persons(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabledPersonConnection {
            total_count,
            items: rows.into_iter().map(DisabledPerson).collect(),
        })
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
        let (total_count, rows) =
            lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityActivityConnection {
            total_count,
            items: rows.into_iter().map(DisabilityActivity).collect(),
        })
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
        let (total_count, rows) =
            lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(DisabilityAwardConnection {
            total_count,
            items: rows.into_iter().map(DisabilityAward).collect(),
        })
    }

    #[graphql(entity)]
    async fn find_disability_organization_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<DisabilityOrganization> {
        let key = ids::ORGANIZATION
            .parse(&id)
            .ok_or_else(|| not_found("organisation", &id))?;
        let row = app(ctx)?.loaders.organization.load_one(key).await?;
        row.map(DisabilityOrganization)
            .ok_or_else(|| not_found("organisation", &id))
    }

    #[graphql(entity)]
    async fn find_disability_worker_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<DisabilityWorker> {
        let key = ids::WORKER
            .parse(&id)
            .ok_or_else(|| not_found("disability worker", &id))?;
        let row = app(ctx)?.loaders.worker.load_one(key).await?;
        row.map(DisabilityWorker)
            .ok_or_else(|| not_found("disability worker", &id))
    }

    #[graphql(entity)]
    async fn find_disabled_person_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<DisabledPerson> {
        let key = ids::PERSON
            .parse(&id)
            .ok_or_else(|| not_found("registered person", &id))?;
        let row = app(ctx)?.loaders.person.load_one(key).await?;
        row.map(DisabledPerson)
            .ok_or_else(|| not_found("registered person", &id))
    }

    #[graphql(entity)]
    async fn find_disability_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<DisabilityActivity> {
        let key = ids::SERVICE
            .parse(&id)
            .ok_or_else(|| not_found("accessibility service", &id))?;
        let row = app(ctx)?.loaders.service.load_one(key).await?;
        row.map(DisabilityActivity)
            .ok_or_else(|| not_found("accessibility service", &id))
    }

    #[graphql(entity)]
    async fn find_disability_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<DisabilityAward> {
        let key = ids::AWARD
            .parse(&id)
            .ok_or_else(|| not_found("disability award", &id))?;
        let row = app(ctx)?.loaders.award.load_one(key).await?;
        row.map(DisabilityAward)
            .ok_or_else(|| not_found("disability award", &id))
    }

    /// Any region code resolves: its figures are computed (zeros for an unknown code).
    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> Region {
        Region { code }
    }

    #[graphql(entity)]
    async fn find_service_center_by_id(&self, id: ID) -> ServiceCenter {
        ServiceCenter::new(id.0)
    }
}

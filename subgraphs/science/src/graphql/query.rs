//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, ID, Object, Result};
use quntuan_kit::{ApiError, Page};

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, ScienceActivityFilter, ScienceAssociationFilter, ScienceAwardFilter,
    ScienceWorkstationFilter,
};

pub struct Query;

fn not_found(what: &str, id: &str) -> async_graphql::Error {
    ApiError::not_found(what, id).into()
}

#[Object]
impl Query {
    /// Enterprise and institution science associations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_associations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceAssociationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceAssociationConnection> {
        let (total_count, rows) =
            lists::associations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceAssociationConnection {
            total_count,
            items: rows.into_iter().map(ScienceAssociation).collect(),
        })
    }

    /// Academician and expert innovation workstations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_workstations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceWorkstationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceWorkstationConnection> {
        let (total_count, rows) =
            lists::workstations(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceWorkstationConnection {
            total_count,
            items: rows.into_iter().map(ScienceWorkstation).collect(),
        })
    }

    /// Science-popularisation activities, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceActivityConnection> {
        let (total_count, rows) =
            lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceActivityConnection {
            total_count,
            items: rows.into_iter().map(ScienceActivity).collect(),
        })
    }

    /// "Most beautiful science worker" honours, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn science_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: ScienceAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<ScienceAwardConnection> {
        let (total_count, rows) =
            lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(ScienceAwardConnection {
            total_count,
            items: rows.into_iter().map(ScienceAward).collect(),
        })
    }

    #[graphql(entity)]
    async fn find_science_association_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<ScienceAssociation> {
        let key = ids::ASSOCIATION
            .parse(&id)
            .ok_or_else(|| not_found("science association", &id))?;
        let row = app(ctx)?.loaders.association.load_one(key).await?;
        row.map(ScienceAssociation)
            .ok_or_else(|| not_found("science association", &id))
    }

    #[graphql(entity)]
    async fn find_science_workstation_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<ScienceWorkstation> {
        let key = ids::WORKSTATION
            .parse(&id)
            .ok_or_else(|| not_found("workstation", &id))?;
        let row = app(ctx)?.loaders.workstation.load_one(key).await?;
        row.map(ScienceWorkstation)
            .ok_or_else(|| not_found("workstation", &id))
    }

    #[graphql(entity)]
    async fn find_science_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<ScienceActivity> {
        let key = ids::ACTIVITY
            .parse(&id)
            .ok_or_else(|| not_found("science activity", &id))?;
        let row = app(ctx)?.loaders.event.load_one(key).await?;
        row.map(ScienceActivity)
            .ok_or_else(|| not_found("science activity", &id))
    }

    #[graphql(entity)]
    async fn find_science_award_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<ScienceAward> {
        let key = ids::AWARD
            .parse(&id)
            .ok_or_else(|| not_found("science award", &id))?;
        let row = app(ctx)?.loaders.award.load_one(key).await?;
        row.map(ScienceAward)
            .ok_or_else(|| not_found("science award", &id))
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

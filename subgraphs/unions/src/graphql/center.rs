//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the unions run
//! at the venue.

use async_graphql::{Context, Object};

use super::directory::UnionActivity;
use super::loader;
use super::loaders::{
    ActivitiesAtCenter, CaseloadAtCenter, HomesAtCenter, LaborOrganizationsAtCenter,
    SocialWorkersAtCenter,
};
use super::people::UnionSocialWorker;
use super::places::{LaborSocialOrganization, WorkersHome};
use quntuan_kit::load_list;

quntuan_kit::service_center! {
    /// What the trade unions run at this venue.
    unions: UnionsAtServiceCenter,
    /// The unions' services at one venue.
}

#[Object]
impl UnionsAtServiceCenter {
    /// Workers' homes housed here.
    async fn workers_homes(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<WorkersHome>> {
        Ok(load_list(
            loader(ctx)?,
            HomesAtCenter(self.center_id.clone()),
            WorkersHome,
        )
        .await?)
    }

    /// Socialised union workers stationed here.
    async fn social_workers(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<UnionSocialWorker>> {
        Ok(load_list(
            loader(ctx)?,
            SocialWorkersAtCenter(self.center_id.clone()),
            UnionSocialWorker,
        )
        .await?)
    }

    /// Labour-sector social organisations working from here.
    async fn labor_social_organizations(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<LaborSocialOrganization>> {
        let key = LaborOrganizationsAtCenter(self.center_id.clone());
        Ok(load_list(loader(ctx)?, key, LaborSocialOrganization).await?)
    }

    /// Union activities held here.
    async fn activities(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<UnionActivity>> {
        Ok(load_list(
            loader(ctx)?,
            ActivitiesAtCenter(self.center_id.clone()),
            UnionActivity,
        )
        .await?)
    }

    /// Labour-dispute cases mediated here, all time.
    async fn dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        let caseload = loader(ctx)?
            .load_one(CaseloadAtCenter(self.center_id.clone()))
            .await?;
        Ok(caseload.unwrap_or_default().total)
    }

    /// Labour-dispute cases mediated here that are not closed yet.
    async fn open_dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        let caseload = loader(ctx)?
            .load_one(CaseloadAtCenter(self.center_id.clone()))
            .await?;
        Ok(caseload.unwrap_or_default().open)
    }
}

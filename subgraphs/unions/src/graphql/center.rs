//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the unions run
//! at the venue.

use async_graphql::Context;

use super::directory::UnionActivity;
use super::loader;
use super::loaders::{
    ActivitiesAtCenter, CaseloadAtCenter, HomesAtCenter, LaborOrganizationsAtCenter,
    SocialWorkersAtCenter,
};
use super::people::UnionSocialWorker;
use super::places::{LaborSocialOrganization, WorkersHome};

quntuan_kit::service_center! {
    /// What the trade unions run at this venue.
    unions: UnionsAtServiceCenter,
    keys(ctx) = loader(ctx)?;
    {
        /// Workers' homes housed here.
        workers_homes: WorkersHome = HomesAtCenter,
        /// Socialised union workers stationed here.
        social_workers: UnionSocialWorker = SocialWorkersAtCenter,
        /// Labour-sector social organisations working from here.
        labor_social_organizations: LaborSocialOrganization = LaborOrganizationsAtCenter,
        /// Union activities held here.
        activities: UnionActivity = ActivitiesAtCenter,
    }
    {
        /// Labour-dispute cases mediated here, all time.
        async fn dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
            let caseload = loader(ctx)?.load_one(CaseloadAtCenter(self.center_id.clone()));
            Ok(caseload.await?.unwrap_or_default().total)
        }

        /// Labour-dispute cases mediated here that are not closed yet.
        async fn open_dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
            let caseload = loader(ctx)?.load_one(CaseloadAtCenter(self.center_id.clone()));
            Ok(caseload.await?.unwrap_or_default().open)
        }
    }
}

//! `ServiceCenter` (owned by hub) extended with what the youth league runs there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::{YouthActivity, YouthHome, YouthSocialWorker};
use quntuan_kit::load_list;

quntuan_kit::service_center! {
    /// What the youth league runs at this venue.
    youth: YouthAtServiceCenter,
}

/// The youth homes, activities and social workers at one venue.
#[Object]
impl YouthAtServiceCenter {
    async fn youth_homes(&self, ctx: &Context<'_>) -> Result<Vec<YouthHome>> {
        Ok(load_list(
            &app(ctx)?.loaders.homes_at_center,
            self.center_id.clone(),
            YouthHome,
        )
        .await?)
    }

    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<YouthActivity>> {
        Ok(load_list(
            &app(ctx)?.loaders.activities_at_center,
            self.center_id.clone(),
            YouthActivity,
        )
        .await?)
    }

    async fn social_workers(&self, ctx: &Context<'_>) -> Result<Vec<YouthSocialWorker>> {
        Ok(load_list(
            &app(ctx)?.loaders.workers_at_center,
            self.center_id.clone(),
            YouthSocialWorker,
        )
        .await?)
    }
}

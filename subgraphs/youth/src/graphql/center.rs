//! `ServiceCenter` (owned by hub) extended with what the youth league runs there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::{YouthActivity, YouthHome, YouthSocialWorker};

quntuan_kit::service_center! {
    /// What the youth league runs at this venue.
    youth: YouthAtServiceCenter,
}

/// The youth homes, activities and social workers at one venue.
#[Object]
impl YouthAtServiceCenter {
    async fn youth_homes(&self, ctx: &Context<'_>) -> Result<Vec<YouthHome>> {
        let rows = app(ctx)?
            .loaders
            .homes_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(YouthHome)
            .collect())
    }

    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<YouthActivity>> {
        let rows = app(ctx)?
            .loaders
            .activities_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(YouthActivity)
            .collect())
    }

    async fn social_workers(&self, ctx: &Context<'_>) -> Result<Vec<YouthSocialWorker>> {
        let rows = app(ctx)?
            .loaders
            .workers_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(YouthSocialWorker)
            .collect())
    }
}

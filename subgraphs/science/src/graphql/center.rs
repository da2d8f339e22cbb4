//! `ServiceCenter` (owned by hub) extended with what the science association runs there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::ScienceActivity;

quntuan_kit::service_center! {
    /// What the science association runs at this venue.
    science: ScienceAtServiceCenter,
}

/// The science-popularisation activities held at one venue.
#[Object]
impl ScienceAtServiceCenter {
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<ScienceActivity>> {
        let rows = app(ctx)?
            .loaders
            .events_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(ScienceActivity)
            .collect())
    }
}

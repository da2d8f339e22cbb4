//! `ServiceCenter` (owned by hub) extended with the federation's service point there: the
//! disability workers stationed at the venue and the accessibility services held there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::{DisabilityActivity, DisabilityWorker};

quntuan_kit::service_center! {
    /// The disability service point at this venue.
    disability: DisabilityAtServiceCenter,
}

/// The workers stationed at one venue and the accessibility services held there.
#[Object]
impl DisabilityAtServiceCenter {
    async fn workers(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityWorker>> {
        let rows = app(ctx)?
            .loaders
            .workers_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(DisabilityWorker)
            .collect())
    }

    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityActivity>> {
        let rows = app(ctx)?
            .loaders
            .services_at_center
            .load_one(self.center_id.clone())
            .await?;
        Ok(rows
            .unwrap_or_default()
            .into_iter()
            .map(DisabilityActivity)
            .collect())
    }
}

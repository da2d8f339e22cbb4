//! `ServiceCenter` (owned by hub) extended with the federation's service point there: the
//! disability workers stationed at the venue and the accessibility services held there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::{DisabilityActivity, DisabilityWorker};
use quntuan_kit::load_list;

quntuan_kit::service_center! {
    /// The disability service point at this venue.
    disability: DisabilityAtServiceCenter,
}

/// The workers stationed at one venue and the accessibility services held there.
#[Object]
impl DisabilityAtServiceCenter {
    async fn workers(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityWorker>> {
        Ok(load_list(
            &app(ctx)?.loaders.workers_at_center,
            self.center_id.clone(),
            DisabilityWorker,
        )
        .await?)
    }

    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<DisabilityActivity>> {
        Ok(load_list(
            &app(ctx)?.loaders.services_at_center,
            self.center_id.clone(),
            DisabilityActivity,
        )
        .await?)
    }
}

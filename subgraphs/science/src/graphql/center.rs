//! `ServiceCenter` (owned by hub) extended with what the science association runs there.

use async_graphql::{Context, Object, Result};

use super::app;
use super::objects::ScienceActivity;
use quntuan_kit::load_list;

quntuan_kit::service_center! {
    /// What the science association runs at this venue.
    science: ScienceAtServiceCenter,
}

/// The science-popularisation activities held at one venue.
#[Object]
impl ScienceAtServiceCenter {
    async fn activities(&self, ctx: &Context<'_>) -> Result<Vec<ScienceActivity>> {
        Ok(load_list(
            &app(ctx)?.loaders.events_at_center,
            self.center_id.clone(),
            ScienceActivity,
        )
        .await?)
    }
}

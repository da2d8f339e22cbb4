//! Root mutations: validated and run in one transaction by the service layer; a rejected
//! one answers a typed error (`extensions.code`) and changes nothing.

use async_graphql::{Context, Object, Result};
use quntuan_kit::EventBus;
use quntuan_kit::clock::Clock;

use super::app;
use super::objects::ScienceActivity;
use crate::service::mutations::{self, RecordScienceActivityInput};

#[derive(Default)]
pub struct Mutation;

#[Object]
impl Mutation {
    /// Records a science-popularisation activity that took place.
    async fn record_science_activity(
        &self,
        ctx: &Context<'_>,
        input: RecordScienceActivityInput,
    ) -> Result<ScienceActivity> {
        let row = mutations::record_activity(
            &app(ctx)?.db,
            &EventBus::of(ctx),
            input,
            Clock::of(ctx).today(),
        )
        .await?;
        Ok(ScienceActivity(row))
    }
}

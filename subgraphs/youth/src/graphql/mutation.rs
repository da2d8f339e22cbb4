//! Root mutations: each validated and run in one transaction by the service layer; a
//! rejected one answers a typed error (`extensions.code`) and changes nothing.

use async_graphql::{Context, Object, Result};
use quntuan_kit::EventBus;
use quntuan_kit::clock::Clock;

use super::app;
use super::objects::{YouthActivity, YouthServiceLog, YouthVolunteer};
use crate::service::mutations::{
    self, LogServiceHoursInput, RecordActivityInput, RegisterVolunteerInput,
};

#[derive(Default)]
pub struct Mutation;

#[Object]
impl Mutation {
    /// Registers a youth volunteer (CONFLICT when the ID number is already registered).
    async fn register_youth_volunteer(
        &self,
        ctx: &Context<'_>,
        input: RegisterVolunteerInput,
    ) -> Result<YouthVolunteer> {
        let row = mutations::register_volunteer(
            &app(ctx)?.db,
            &EventBus::of(ctx),
            input,
            Clock::of(ctx).today(),
        )
        .await?;
        Ok(YouthVolunteer(row))
    }

    /// Logs hours a volunteer served (hours in (0, 24], date not in the future and not
    /// before the volunteer registered).
    async fn log_youth_service_hours(
        &self,
        ctx: &Context<'_>,
        input: LogServiceHoursInput,
    ) -> Result<YouthServiceLog> {
        let row =
            mutations::log_service_hours(&app(ctx)?.db, input, Clock::of(ctx).today()).await?;
        Ok(YouthServiceLog(row))
    }

    /// Records a youth social-scene activity that took place.
    async fn record_youth_activity(
        &self,
        ctx: &Context<'_>,
        input: RecordActivityInput,
    ) -> Result<YouthActivity> {
        let row = mutations::record_activity(
            &app(ctx)?.db,
            &EventBus::of(ctx),
            input,
            Clock::of(ctx).today(),
        )
        .await?;
        Ok(YouthActivity(row))
    }
}

//! Volunteers, their service-hour logs, and youth affairs social workers. Names, ID
//! numbers and phones are personal data: `@requiresScopes` in the SDL for the gateway, and
//! refused here too (null + FORBIDDEN) without `youth:personal`, with an audit log line.

use async_graphql::{Context, ID, Object, Result};
use chrono::NaiveDate;
use quntuan_kit::auth::reveal;

use super::{PERSONAL, YouthBranch, region_of};
use crate::entity::{service_log, social_worker, volunteer};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;
use quntuan_kit::load_list;

/// A registered youth volunteer.
pub(crate) struct YouthVolunteer(pub(crate) volunteer::Model);

#[Object]
impl YouthVolunteer {
    async fn id(&self) -> ID {
        ID(ids::VOLUNTEER.format(self.0.id))
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::VOLUNTEER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthVolunteer.name", &id, || {
            self.0.name.clone()
        })
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::VOLUNTEER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthVolunteer.idNumber", &id, || {
            self.0.id_number.clone()
        })
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::VOLUNTEER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthVolunteer.phone", &id, || {
            self.0.phone.clone()
        })
    }
    async fn registered_on(&self) -> NaiveDate {
        self.0.registered_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn branch(&self, ctx: &Context<'_>) -> Result<Option<YouthBranch>> {
        let Some(id) = self.0.branch_id else {
            return Ok(None);
        };
        Ok(app(ctx)?
            .loaders
            .branch
            .load_one(id)
            .await?
            .map(YouthBranch))
    }
    /// Total hours served, over all logs.
    async fn service_hours(&self, ctx: &Context<'_>) -> Result<f64> {
        let minutes = app(ctx)?
            .loaders
            .minutes_per_volunteer
            .load_one(self.0.id)
            .await?
            .unwrap_or(0);
        Ok(minutes as f64 / 60.0)
    }
    /// The volunteer's service-hour logs, oldest first.
    async fn service_logs(&self, ctx: &Context<'_>) -> Result<Vec<YouthServiceLog>> {
        Ok(load_list(
            &app(ctx)?.loaders.logs_of_volunteer,
            self.0.id,
            YouthServiceLog,
        )
        .await?)
    }
}

quntuan_kit::connection!(
    /// A page of youth volunteers.
    YouthVolunteerConnection,
    YouthVolunteer
);

/// Hours a volunteer served on one day.
pub(crate) struct YouthServiceLog(pub(crate) service_log::Model);

#[Object]
impl YouthServiceLog {
    async fn id(&self) -> ID {
        ID(ids::SERVICE_LOG.format(self.0.id))
    }
    async fn served_on(&self) -> NaiveDate {
        self.0.served_on
    }
    async fn hours(&self) -> f64 {
        f64::from(self.0.minutes) / 60.0
    }
    async fn description(&self) -> &str {
        &self.0.description
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn volunteer(&self, ctx: &Context<'_>) -> Result<Option<YouthVolunteer>> {
        let row = app(ctx)?
            .loaders
            .volunteer
            .load_one(self.0.volunteer_id)
            .await?;
        Ok(row.map(YouthVolunteer))
    }
}

quntuan_kit::connection!(
    /// A page of service-hour logs.
    YouthServiceLogConnection,
    YouthServiceLog
);

/// A youth affairs social worker (青少年事务社工).
pub(crate) struct YouthSocialWorker(pub(crate) social_worker::Model);

#[Object]
impl YouthSocialWorker {
    async fn id(&self) -> ID {
        ID(ids::SOCIAL_WORKER.format(self.0.id))
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn name(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::SOCIAL_WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthSocialWorker.name", &id, || {
            self.0.name.clone()
        })
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn id_number(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::SOCIAL_WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthSocialWorker.idNumber", &id, || {
            self.0.id_number.clone()
        })
    }
    #[graphql(requires_scopes = "youth:personal")]
    async fn phone(&self, ctx: &Context<'_>) -> Option<String> {
        let id = ids::SOCIAL_WORKER.format(self.0.id);
        reveal(ctx, PERSONAL, "YouthSocialWorker.phone", &id, || {
            self.0.phone.clone()
        })
    }
    /// 青少年心理, 社区矫正, 困境儿童, 就业创业 or 禁毒宣传.
    async fn specialty(&self) -> &str {
        &self.0.specialty
    }
    async fn hired_on(&self) -> NaiveDate {
        self.0.hired_on
    }
    async fn region(&self) -> Region {
        region_of(&self.0.region_code)
    }
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }
}

quntuan_kit::connection!(
    /// A page of youth affairs social workers.
    YouthSocialWorkerConnection,
    YouthSocialWorker
);

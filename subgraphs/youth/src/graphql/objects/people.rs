//! Volunteers, their service-hour logs, and youth affairs social workers. Names, ID
//! numbers and phones are personal data: `@requiresScopes` in the SDL for the gateway, and
//! refused here too (null + FORBIDDEN) without `youth:personal`, with an audit log line.

use async_graphql::{Context, Object, Result};
use chrono::NaiveDate;

use super::YouthBranch;
use crate::entity::{service_log, social_worker, volunteer};
use crate::graphql::{app, center::ServiceCenter, region::Region};
use crate::ids;

/// A registered youth volunteer.
pub(crate) struct YouthVolunteer(pub(crate) volunteer::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl YouthVolunteer personal("youth:personal", ids::VOLUNTEER) {
        id(ids::VOLUNTEER);
        personal name("YouthVolunteer.name");
        personal id_number("YouthVolunteer.idNumber");
        personal phone("YouthVolunteer.phone");
        copy registered_on: NaiveDate;
        region;
        nullable link branch: YouthBranch = loaders.branch(branch_id);
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
        children service_logs: YouthServiceLog = loaders.logs_of_volunteer;
    }
}

quntuan_kit::connection!(
    /// A page of youth volunteers.
    YouthVolunteerConnection,
    YouthVolunteer
);

/// Hours a volunteer served on one day.
pub(crate) struct YouthServiceLog(pub(crate) service_log::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl YouthServiceLog {
        id(ids::SERVICE_LOG);
        copy served_on: NaiveDate;
        async fn hours(&self) -> f64 {
            f64::from(self.0.minutes) / 60.0
        }
        str description;
        region;
        link volunteer: YouthVolunteer = loaders.volunteer(volunteer_id);
    }
}

quntuan_kit::connection!(
    /// A page of service-hour logs.
    YouthServiceLogConnection,
    YouthServiceLog
);

/// A youth affairs social worker (青少年事务社工).
pub(crate) struct YouthSocialWorker(pub(crate) social_worker::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl YouthSocialWorker personal("youth:personal", ids::SOCIAL_WORKER) {
        id(ids::SOCIAL_WORKER);
        personal name("YouthSocialWorker.name");
        personal id_number("YouthSocialWorker.idNumber");
        personal phone("YouthSocialWorker.phone");
        /// 青少年心理, 社区矫正, 困境儿童, 就业创业 or 禁毒宣传.
        str specialty;
        copy hired_on: NaiveDate;
        region;
        service_center;
    }
}

quntuan_kit::connection!(
    /// A page of youth affairs social workers.
    YouthSocialWorkerConnection,
    YouthSocialWorker
);

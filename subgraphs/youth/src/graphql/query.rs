//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::MergedObject;

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, YouthActivityFilter, YouthAwardFilter, YouthBranchFilter, YouthHomeFilter,
    YouthServiceLogFilter, YouthSocialWorkerFilter, YouthVolunteerFilter,
};

#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

quntuan_kit::list_queries! {
    ListQuery, db(ctx) = &app(ctx)?.db;
    /// League branches and organisations, filtered, one page at a time.
    youth_branches(YouthBranchFilter) -> YouthBranchConnection of YouthBranch = lists::branches;
    /// Youth homes, filtered, one page at a time.
    youth_homes(YouthHomeFilter) -> YouthHomeConnection of YouthHome = lists::homes;
    /// Youth volunteers, filtered, one page at a time (personal fields need `youth:personal`).
    youth_volunteers(YouthVolunteerFilter)
        -> YouthVolunteerConnection of YouthVolunteer = lists::volunteers;
    /// Service-hour logs, filtered, one page at a time.
    youth_service_logs(YouthServiceLogFilter)
        -> YouthServiceLogConnection of YouthServiceLog = lists::service_logs;
    /// Youth social-scene activities, filtered, one page at a time.
    youth_activities(YouthActivityFilter)
        -> YouthActivityConnection of YouthActivity = lists::activities;
    /// Youth affairs social workers, filtered, one page at a time.
    youth_social_workers(YouthSocialWorkerFilter)
        -> YouthSocialWorkerConnection of YouthSocialWorker = lists::social_workers;
    /// Youth awards, filtered, one page at a time.
    youth_awards(YouthAwardFilter) -> YouthAwardConnection of YouthAward = lists::awards;
}

quntuan_kit::entity_lookups! {
    /// Lookups by id that also answer `_entities`.
    EntityQuery, app: super::app, extends Region and ServiceCenter;
    find_youth_branch_by_id => YouthBranch, branch, ids::BRANCH, "league branch";
    find_youth_home_by_id => YouthHome, home, ids::HOME, "youth home";
    find_youth_volunteer_by_id => YouthVolunteer, volunteer, ids::VOLUNTEER, "volunteer";
    find_youth_service_log_by_id => YouthServiceLog, service_log, ids::SERVICE_LOG, "service log";
    find_youth_activity_by_id => YouthActivity, activity, ids::ACTIVITY, "youth activity";
    find_youth_social_worker_by_id => YouthSocialWorker, social_worker, ids::SOCIAL_WORKER, "social worker";
    find_youth_award_by_id => YouthAward, award, ids::AWARD, "youth award";
}

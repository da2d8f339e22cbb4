//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, MergedObject, Object, Result};
use quntuan_kit::Page;

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

#[derive(Default)]
pub(super) struct ListQuery;

#[Object]
impl ListQuery {
    /// League branches and organisations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_branches(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthBranchFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthBranchConnection> {
        let found = lists::branches(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthBranchConnection::of(found, YouthBranch))
    }

    /// Youth homes, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_homes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthHomeFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthHomeConnection> {
        let found = lists::homes(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthHomeConnection::of(found, YouthHome))
    }

    /// Youth volunteers, filtered, one page at a time (personal fields need `youth:personal`).
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_volunteers(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthVolunteerFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthVolunteerConnection> {
        let found = lists::volunteers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthVolunteerConnection::of(found, YouthVolunteer))
    }

    /// Service-hour logs, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_service_logs(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthServiceLogFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthServiceLogConnection> {
        let found = lists::service_logs(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthServiceLogConnection::of(found, YouthServiceLog))
    }

    /// Youth social-scene activities, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthActivityConnection> {
        let found = lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthActivityConnection::of(found, YouthActivity))
    }

    /// Youth affairs social workers, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_social_workers(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthSocialWorkerFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthSocialWorkerConnection> {
        let found =
            lists::social_workers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthSocialWorkerConnection::of(found, YouthSocialWorker))
    }

    /// Youth awards, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthAwardConnection> {
        let found = lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthAwardConnection::of(found, YouthAward))
    }
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

//! Root queries: filtered, paginated lists and the federation entity resolvers (all
//! batched through the dataloaders).

use async_graphql::{Context, ID, Object, Result};
use quntuan_kit::{ApiError, Page};

use super::app;
use super::center::ServiceCenter;
use super::objects::*;
use super::region::Region;
use crate::ids;
use crate::service::lists::{
    self, YouthActivityFilter, YouthAwardFilter, YouthBranchFilter, YouthHomeFilter,
    YouthServiceLogFilter, YouthSocialWorkerFilter, YouthVolunteerFilter,
};

pub struct Query;

fn not_found(what: &str, id: &str) -> async_graphql::Error {
    ApiError::not_found(what, id).into()
}

#[Object]
impl Query {
    /// League branches and organisations, filtered, one page at a time.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn youth_branches(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: YouthBranchFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default)] offset: i32,
    ) -> Result<YouthBranchConnection> {
        let (total_count, rows) =
            lists::branches(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthBranchConnection {
            total_count,
            items: rows.into_iter().map(YouthBranch).collect(),
        })
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
        let (total_count, rows) =
            lists::homes(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthHomeConnection {
            total_count,
            items: rows.into_iter().map(YouthHome).collect(),
        })
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
        let (total_count, rows) =
            lists::volunteers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthVolunteerConnection {
            total_count,
            items: rows.into_iter().map(YouthVolunteer).collect(),
        })
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
        let (total_count, rows) =
            lists::service_logs(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthServiceLogConnection {
            total_count,
            items: rows.into_iter().map(YouthServiceLog).collect(),
        })
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
        let (total_count, rows) =
            lists::activities(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthActivityConnection {
            total_count,
            items: rows.into_iter().map(YouthActivity).collect(),
        })
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
        let (total_count, rows) =
            lists::social_workers(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthSocialWorkerConnection {
            total_count,
            items: rows.into_iter().map(YouthSocialWorker).collect(),
        })
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
        let (total_count, rows) =
            lists::awards(&app(ctx)?.db, &filter, Page::new(limit, offset)?).await?;
        Ok(YouthAwardConnection {
            total_count,
            items: rows.into_iter().map(YouthAward).collect(),
        })
    }

    #[graphql(entity)]
    async fn find_youth_branch_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<YouthBranch> {
        let key = ids::BRANCH
            .parse(&id)
            .ok_or_else(|| not_found("league branch", &id))?;
        let row = app(ctx)?.loaders.branch.load_one(key).await?;
        row.map(YouthBranch)
            .ok_or_else(|| not_found("league branch", &id))
    }

    #[graphql(entity)]
    async fn find_youth_home_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<YouthHome> {
        let key = ids::HOME
            .parse(&id)
            .ok_or_else(|| not_found("youth home", &id))?;
        let row = app(ctx)?.loaders.home.load_one(key).await?;
        row.map(YouthHome)
            .ok_or_else(|| not_found("youth home", &id))
    }

    #[graphql(entity)]
    async fn find_youth_volunteer_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<YouthVolunteer> {
        let key = ids::VOLUNTEER
            .parse(&id)
            .ok_or_else(|| not_found("volunteer", &id))?;
        let row = app(ctx)?.loaders.volunteer.load_one(key).await?;
        row.map(YouthVolunteer)
            .ok_or_else(|| not_found("volunteer", &id))
    }

    #[graphql(entity)]
    async fn find_youth_service_log_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<YouthServiceLog> {
        let key = ids::SERVICE_LOG
            .parse(&id)
            .ok_or_else(|| not_found("service log", &id))?;
        let row = app(ctx)?.loaders.service_log.load_one(key).await?;
        row.map(YouthServiceLog)
            .ok_or_else(|| not_found("service log", &id))
    }

    #[graphql(entity)]
    async fn find_youth_activity_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<YouthActivity> {
        let key = ids::ACTIVITY
            .parse(&id)
            .ok_or_else(|| not_found("youth activity", &id))?;
        let row = app(ctx)?.loaders.activity.load_one(key).await?;
        row.map(YouthActivity)
            .ok_or_else(|| not_found("youth activity", &id))
    }

    #[graphql(entity)]
    async fn find_youth_social_worker_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> Result<YouthSocialWorker> {
        let key = ids::SOCIAL_WORKER
            .parse(&id)
            .ok_or_else(|| not_found("social worker", &id))?;
        let row = app(ctx)?.loaders.social_worker.load_one(key).await?;
        row.map(YouthSocialWorker)
            .ok_or_else(|| not_found("social worker", &id))
    }

    #[graphql(entity)]
    async fn find_youth_award_by_id(&self, ctx: &Context<'_>, id: ID) -> Result<YouthAward> {
        let key = ids::AWARD
            .parse(&id)
            .ok_or_else(|| not_found("youth award", &id))?;
        let row = app(ctx)?.loaders.award.load_one(key).await?;
        row.map(YouthAward)
            .ok_or_else(|| not_found("youth award", &id))
    }

    /// Any region code resolves: its figures are computed (zeros for an unknown code).
    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> Region {
        Region { code }
    }

    #[graphql(entity)]
    async fn find_service_center_by_id(&self, id: ID) -> ServiceCenter {
        ServiceCenter::new(id.0)
    }
}

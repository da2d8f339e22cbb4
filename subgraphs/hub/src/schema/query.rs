//! Root types: `Query` (merged from one object per concern) and `Mutation`.

use async_graphql::{Context, ID, MergedObject, Object};
use chrono::NaiveDate;
use quntuan_kit::{Page, auth};

use super::center::{ServiceCenter, ServiceCenterConnection, ServiceCenterKind};
use super::coordination::{
    JointMeeting, JointMeetingConnection, JointProject, JointProjectConnection, MeetingCadence,
    ProjectStatus,
};
use super::db;
use super::directory::{
    Activity, ActivityConnection, ActivityLookups, Award, AwardConnection, AwardLookups,
    GrassrootsUnit, GrassrootsUnitConnection, UnitLookups,
};
use super::entities::EntityQuery;
use super::rating::{RateServiceInput, SatisfactionRating};
use super::region::{Region, RegionLevel};
use crate::service;
use crate::service::directory::DirectoryFilter;
use crate::service::meetings::MeetingFilter;
use crate::service::projects::ProjectFilter;
use crate::service::ratings::NewRating;
use quntuan_kit::organization::Organization;
use quntuan_kit::stored_enum::stored_name;

#[derive(MergedObject, Default)]
pub struct Query(
    RegionQuery,
    CenterQuery,
    CoordinationQuery,
    DirectoryQuery,
    EntityQuery,
    UnitLookups,
    ActivityLookups,
    AwardLookups,
);

#[derive(Default)]
pub struct RegionQuery;

#[Object]
impl RegionQuery {
    /// Regions by level and/or parent (and a part of the name), ordered by code.
    async fn regions(
        &self,
        ctx: &Context<'_>,
        level: Option<RegionLevel>,
        parent_code: Option<String>,
        name_contains: Option<String>,
    ) -> async_graphql::Result<Vec<Region>> {
        let rows = service::regions::list(
            db(ctx)?,
            level.map(Into::into),
            parent_code.as_deref(),
            name_contains.as_deref(),
        )
        .await?;
        Ok(rows.into_iter().map(Region::from_row).collect())
    }

    /// One region by code; null when there is none.
    async fn region(
        &self,
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<Option<Region>> {
        Region::load(ctx, code).await
    }
}

#[derive(Default)]
pub struct CenterQuery;

#[Object]
impl CenterQuery {
    /// Service centres in a region (and below) and/or of a kind, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn service_centers(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
        kind: Option<ServiceCenterKind>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<ServiceCenterConnection> {
        let page = Page::new(limit, offset)?;
        let found = service::centers::list(
            db(ctx)?,
            region_code.as_deref(),
            kind.map(stored_name),
            page,
        )
        .await?;
        Ok(ServiceCenterConnection::of(found, ServiceCenter))
    }

    async fn service_center(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ServiceCenter>> {
        ServiceCenter::load(ctx, id).await
    }
}

#[derive(Default)]
pub struct CoordinationQuery;

#[Object]
impl CoordinationQuery {
    /// Joint meetings, newest first.
    #[allow(clippy::too_many_arguments)]
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn joint_meetings(
        &self,
        ctx: &Context<'_>,
        cadence: Option<MeetingCadence>,
        #[graphql(desc = "The city (510100) or a district code.")] region_code: Option<String>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<JointMeetingConnection> {
        let page = Page::new(limit, offset)?;
        let filter = MeetingFilter {
            cadence: cadence.map(stored_name),
            region_code: region_code.as_deref(),
            from,
            to,
        };
        let found = service::meetings::list(db(ctx)?, filter, page).await?;
        Ok(JointMeetingConnection::of(found, JointMeeting))
    }

    /// Joint projects, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn joint_projects(
        &self,
        ctx: &Context<'_>,
        status: Option<ProjectStatus>,
        organization: Option<Organization>,
        department: Option<String>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<JointProjectConnection> {
        let page = Page::new(limit, offset)?;
        let filter = ProjectFilter {
            status: status.map(stored_name),
            organization: organization.map(Organization::stored),
            department: department.as_deref(),
        };
        let found = service::projects::list(db(ctx)?, filter, page).await?;
        Ok(JointProjectConnection::of(found, JointProject))
    }

    async fn joint_project(
        &self,
        ctx: &Context<'_>,
        id: String,
    ) -> async_graphql::Result<Option<JointProject>> {
        let rows = service::projects::by_ids(db(ctx)?, &[id]).await?;
        Ok(rows.into_iter().next().map(JointProject))
    }

    /// Every government department taking part in a joint project.
    async fn joint_project_departments(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<String>> {
        Ok(service::projects::departments(db(ctx)?).await?)
    }
}

#[derive(Default)]
pub struct DirectoryQuery;

fn directory_filter(
    region_code: Option<&str>,
    organization: Option<Organization>,
) -> DirectoryFilter<'_> {
    DirectoryFilter {
        region_code,
        organizations: organization.map(Organization::stored).into_iter().collect(),
    }
}

#[Object]
impl DirectoryQuery {
    /// Grassroots units of all organisations in a region (and below), ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn grassroots_units(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
        organization: Option<Organization>,
        kind: Option<String>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<GrassrootsUnitConnection> {
        let page = Page::new(limit, offset)?;
        let filter = directory_filter(region_code.as_deref(), organization);
        let (total_count, rows) =
            service::directory::units(db(ctx)?, &filter, kind.as_deref(), page).await?;
        Ok(GrassrootsUnitConnection {
            total_count,
            items: rows
                .into_iter()
                .filter_map(GrassrootsUnit::from_row)
                .collect(),
        })
    }

    /// Activities of all organisations in a region (and below), newest first.
    #[allow(clippy::too_many_arguments)]
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn activities(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
        organization: Option<Organization>,
        from: Option<NaiveDate>,
        to: Option<NaiveDate>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<ActivityConnection> {
        let page = Page::new(limit, offset)?;
        let filter = directory_filter(region_code.as_deref(), organization);
        let (total_count, rows) =
            service::directory::activities(db(ctx)?, &filter, from, to, page).await?;
        Ok(ActivityConnection {
            total_count,
            items: rows.into_iter().filter_map(Activity::from_row).collect(),
        })
    }

    /// Awards of all organisations in a region (and below), ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn awards(
        &self,
        ctx: &Context<'_>,
        region_code: Option<String>,
        organization: Option<Organization>,
        year: Option<i32>,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<AwardConnection> {
        let page = Page::new(limit, offset)?;
        let filter = directory_filter(region_code.as_deref(), organization);
        let (total_count, rows) = service::directory::awards(db(ctx)?, &filter, year, page).await?;
        Ok(AwardConnection {
            total_count,
            items: rows.into_iter().filter_map(Award::from_row).collect(),
        })
    }
}

pub struct Mutation;

#[Object]
impl Mutation {
    /// Records a satisfaction rating of a service centre and updates its totals, in one
    /// transaction. `BAD_USER_INPUT` for a score outside 1–5 or a comment over 500
    /// characters, `NOT_FOUND` for an unknown centre.
    async fn rate_service(
        &self,
        ctx: &Context<'_>,
        input: RateServiceInput,
    ) -> async_graphql::Result<SatisfactionRating> {
        let caller = auth::caller(ctx);
        let new = NewRating {
            service_center_id: input.service_center_id.as_str(),
            organization: input.organization.map(Organization::stored),
            score: input.score,
            comment: input.comment.as_deref(),
            rated_by: caller.subject_or_anonymous(),
        };
        let row = service::ratings::rate(db(ctx)?, new, chrono::Utc::now()).await?;
        Ok(SatisfactionRating(row))
    }
}

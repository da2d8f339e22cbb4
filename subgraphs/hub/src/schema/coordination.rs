//! Joint meetings and joint projects.

use async_graphql::{Context, Enum, Object};
use chrono::NaiveDate;
use quntuan_kit::ApiError;
use quntuan_kit::stored_enum::from_stored_name;

use super::center::ServiceCenter;
use super::region::Region;
use super::{known, loaders};
use crate::entities::{joint_meeting, joint_project};
use quntuan_kit::organization::Organization;

/// The joint-meeting rhythm.
#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum MeetingCadence {
    /// 月度工作例会
    Monthly,
    /// 季度改革项目推进会
    Quarterly,
    /// 年度研讨会
    Annual,
}

#[derive(Enum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProjectStatus {
    Planned,
    Active,
    Completed,
}

/// A joint meeting of the five organisations.
pub struct JointMeeting(pub(crate) joint_meeting::Model);

quntuan_kit::connection!(
    /// A page of joint meetings.
    JointMeetingConnection,
    JointMeeting
);

quntuan_kit::directory_object! {
    #[Object]
    impl JointMeeting {
        str id;
        str title;
        async fn cadence(&self) -> async_graphql::Result<MeetingCadence> {
            let cadence = &self.0.cadence;
            known(from_stored_name(cadence), "meeting cadence", cadence)
        }
        copy held_on: NaiveDate;
        /// The city or the district holding the meeting.
        async fn region(&self) -> Region {
            Region::by_code(self.0.region_code.clone())
        }
        async fn host_center(
            &self,
            ctx: &Context<'_>,
        ) -> async_graphql::Result<ServiceCenter> {
            let id = &self.0.host_center_id;
            let row = loaders(ctx)?.centers.load_one(id.clone()).await?;
            row.map(ServiceCenter)
                .ok_or_else(|| ApiError::not_found("service centre", id).into())
        }
        str agenda;
    }
}

/// A project run jointly by organisations and government departments.
pub struct JointProject(pub(crate) joint_project::Model);

quntuan_kit::connection!(
    /// A page of joint projects.
    JointProjectConnection,
    JointProject
);

quntuan_kit::directory_object! {
    #[Object]
    impl JointProject {
        str id;
        str name;

        async fn status(&self) -> async_graphql::Result<ProjectStatus> {
            let status = &self.0.status;
            known(from_stored_name(status), "project status", status)
        }

        async fn lead_organization(&self) -> async_graphql::Result<Organization> {
            let lead = &self.0.lead_organization;
            known(Organization::from_stored(lead), "project's lead organisation", lead)
        }

        /// Every organisation taking part (the lead included).
        async fn organizations(
            &self,
            ctx: &Context<'_>,
        ) -> async_graphql::Result<Vec<Organization>> {
            let rows = loaders(ctx)?
                .project_organizations
                .load_one(self.0.id.clone())
                .await?
                .unwrap_or_default();
            Ok(rows
                .iter()
                .filter_map(|r| Organization::from_stored(&r.organization))
                .collect())
        }

        /// The government departments taking part.
        async fn departments(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<String>> {
            let rows = loaders(ctx)?
                .project_departments
                .load_one(self.0.id.clone())
                .await?
                .unwrap_or_default();
            Ok(rows.into_iter().map(|r| r.department).collect())
        }

        copy started_on: NaiveDate;

        /// The city, or the district where the project runs.
        async fn region(&self) -> Region {
            Region::by_code(self.0.region_code.clone())
        }

        str summary;
    }
}

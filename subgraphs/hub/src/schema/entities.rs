//! Federation entity resolvers (`_entities`): each batches through a dataloader, so N
//! representations cost one statement per type, not N.

use async_graphql::{Context, ID, Object};

use super::center::ServiceCenter;
use super::directory::activities::{
    DisabilityActivity, ScienceActivity, UnionActivity, WomenActivity, YouthActivity,
};
use super::directory::awards::{DisabilityAward, ScienceAward, UnionAward, WomenAward, YouthAward};
use super::directory::units::{
    DisabilityOrganization, GrassrootsUnion, ScienceAssociation, WomenOrganization, YouthBranch,
};
use super::loaders;
use super::organization::Organization;
use super::region::Region;

#[derive(Default)]
pub struct EntityQuery;

/// Loads a directory row and wraps it when it belongs to `org` (an id of another
/// organisation's type resolves to null).
macro_rules! find_directory {
    ($ctx:expr, $loader:ident, $id:expr, $org:expr, $wrap:expr) => {{
        let row = loaders($ctx)?.$loader.load_one($id.0).await?;
        Ok(row.filter(|r| r.organization == $org.stored()).map($wrap))
    }};
}

#[Object]
impl EntityQuery {
    #[graphql(entity)]
    async fn find_region_by_code(
        &self,
        ctx: &Context<'_>,
        code: String,
    ) -> async_graphql::Result<Option<Region>> {
        Ok(loaders(ctx)?
            .regions
            .load_one(code)
            .await?
            .map(Region::from_row))
    }

    #[graphql(entity)]
    async fn find_service_center_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ServiceCenter>> {
        Ok(loaders(ctx)?
            .centers
            .load_one(id.0)
            .await?
            .map(ServiceCenter))
    }

    #[graphql(entity)]
    async fn find_grassroots_union_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<GrassrootsUnion>> {
        find_directory!(ctx, units, id, Organization::Unions, GrassrootsUnion)
    }

    #[graphql(entity)]
    async fn find_youth_branch_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<YouthBranch>> {
        find_directory!(ctx, units, id, Organization::Youth, YouthBranch)
    }

    #[graphql(entity)]
    async fn find_women_organization_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        find_directory!(ctx, units, id, Organization::Women, WomenOrganization)
    }

    #[graphql(entity)]
    async fn find_science_association_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ScienceAssociation>> {
        find_directory!(ctx, units, id, Organization::Science, ScienceAssociation)
    }

    #[graphql(entity)]
    async fn find_disability_organization_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<DisabilityOrganization>> {
        find_directory!(
            ctx,
            units,
            id,
            Organization::Disability,
            DisabilityOrganization
        )
    }

    #[graphql(entity)]
    async fn find_union_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<UnionActivity>> {
        find_directory!(ctx, activities, id, Organization::Unions, UnionActivity)
    }

    #[graphql(entity)]
    async fn find_youth_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<YouthActivity>> {
        find_directory!(ctx, activities, id, Organization::Youth, YouthActivity)
    }

    #[graphql(entity)]
    async fn find_women_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenActivity>> {
        find_directory!(ctx, activities, id, Organization::Women, WomenActivity)
    }

    #[graphql(entity)]
    async fn find_science_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ScienceActivity>> {
        find_directory!(ctx, activities, id, Organization::Science, ScienceActivity)
    }

    #[graphql(entity)]
    async fn find_disability_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<DisabilityActivity>> {
        find_directory!(
            ctx,
            activities,
            id,
            Organization::Disability,
            DisabilityActivity
        )
    }

    #[graphql(entity)]
    async fn find_union_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<UnionAward>> {
        find_directory!(ctx, awards, id, Organization::Unions, UnionAward)
    }

    #[graphql(entity)]
    async fn find_youth_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<YouthAward>> {
        find_directory!(ctx, awards, id, Organization::Youth, YouthAward)
    }

    #[graphql(entity)]
    async fn find_women_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenAward>> {
        find_directory!(ctx, awards, id, Organization::Women, WomenAward)
    }

    #[graphql(entity)]
    async fn find_science_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<ScienceAward>> {
        find_directory!(ctx, awards, id, Organization::Science, ScienceAward)
    }

    #[graphql(entity)]
    async fn find_disability_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<DisabilityAward>> {
        find_directory!(ctx, awards, id, Organization::Disability, DisabilityAward)
    }
}

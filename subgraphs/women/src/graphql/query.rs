//! Root query fields: filtered, paginated lists, lookups by id, and the federation entity
//! resolvers (all batched through the dataloader).

use async_graphql::{Context, ID, MergedObject, Object};
use quntuan_kit::Page;
use quntuan_kit::subgraph_schema::load_one;

use super::center::ServiceCenter;
use super::directory::{WomenActivity, WomenAward, WomenOrganization};
use super::dispute::{LaborDispute, RightsAssistance};
use super::loaders::{ActivityById, AwardById, OrganizationById, WomensHomeById};
use super::officers::WomenOfficer;
use super::places::{ChildrensHome, WomenSocialOrganization, WomensHome};
use super::region::Region;
use super::{db, loader};
use crate::service::activities::WomenActivityFilter;
use crate::service::assistance::RightsAssistanceFilter;
use crate::service::awards::WomenAwardFilter;
use crate::service::homes::HomeFilter;
use crate::service::officers::WomenOfficerFilter;
use crate::service::organizations::{WomenOrganizationFilter, WomenSocialOrganizationFilter};
use crate::service::{activities, assistance, awards, homes, officers, organizations};

quntuan_kit::connection!(
    /// A page of women's organisations.
    WomenOrganizationConnection, WomenOrganization);
quntuan_kit::connection!(
    /// A page of women's homes.
    WomensHomeConnection, WomensHome);
quntuan_kit::connection!(
    /// A page of children's homes.
    ChildrensHomeConnection, ChildrensHome);
quntuan_kit::connection!(
    /// A page of supported social organisations.
    WomenSocialOrganizationConnection, WomenSocialOrganization);
quntuan_kit::connection!(
    /// A page of federation officers.
    WomenOfficerConnection, WomenOfficer);
quntuan_kit::connection!(
    /// A page of March 8th Red Banner collectives.
    WomenAwardConnection, WomenAward);
quntuan_kit::connection!(
    /// A page of family-education activities.
    WomenActivityConnection, WomenActivity);
quntuan_kit::connection!(
    /// A page of rights-assistance records.
    RightsAssistanceConnection, RightsAssistance);

/// The root query of the women subgraph.
#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

#[derive(Default)]
pub struct ListQuery;

#[Object]
impl ListQuery {
    /// Women's organisations, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn women_organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WomenOrganizationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomenOrganizationConnection> {
        let page = Page::new(limit, offset)?;
        let found = organizations::list(db(ctx)?, &filter, page).await?;
        Ok(WomenOrganizationConnection::of(found, WomenOrganization))
    }

    /// Women's homes, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn womens_homes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: HomeFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomensHomeConnection> {
        let page = Page::new(limit, offset)?;
        let found = homes::list_womens_homes(db(ctx)?, &filter, page).await?;
        Ok(WomensHomeConnection::of(found, WomensHome))
    }

    /// Children's homes, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn childrens_homes(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: HomeFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<ChildrensHomeConnection> {
        let page = Page::new(limit, offset)?;
        let found = homes::list_childrens_homes(db(ctx)?, &filter, page).await?;
        Ok(ChildrensHomeConnection::of(found, ChildrensHome))
    }

    /// Supported women/children social organisations, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn women_social_organizations(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WomenSocialOrganizationFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomenSocialOrganizationConnection> {
        let page = Page::new(limit, offset)?;
        let found = organizations::list_social(db(ctx)?, &filter, page).await?;
        Ok(WomenSocialOrganizationConnection::of(
            found,
            WomenSocialOrganization,
        ))
    }

    /// Federation officers, ordered by id (personal fields need `women:personal`).
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn women_officers(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WomenOfficerFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomenOfficerConnection> {
        let page = Page::new(limit, offset)?;
        let found = officers::list(db(ctx)?, &filter, page).await?;
        Ok(WomenOfficerConnection::of(found, WomenOfficer))
    }

    /// March 8th Red Banner collectives, ordered by id.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn women_awards(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WomenAwardFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomenAwardConnection> {
        let page = Page::new(limit, offset)?;
        let found = awards::list(db(ctx)?, &filter, page).await?;
        Ok(WomenAwardConnection::of(found, WomenAward))
    }

    /// Family-education services and activities, latest first.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn women_activities(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: WomenActivityFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<WomenActivityConnection> {
        let page = Page::new(limit, offset)?;
        let found = activities::list(db(ctx)?, &filter, page).await?;
        Ok(WomenActivityConnection::of(found, WomenActivity))
    }

    /// Rights-assistance records on labour disputes, latest first.
    #[graphql(directive = quntuan_kit::cost::list_size::apply(vec!["limit".into()], vec!["items".into()]))]
    async fn rights_assistance_records(
        &self,
        ctx: &Context<'_>,
        #[graphql(default)] filter: RightsAssistanceFilter,
        #[graphql(default = 20)] limit: i32,
        #[graphql(default = 0)] offset: i32,
    ) -> async_graphql::Result<RightsAssistanceConnection> {
        let page = Page::new(limit, offset)?;
        let found = assistance::list(db(ctx)?, &filter, page).await?;
        Ok(RightsAssistanceConnection::of(found, RightsAssistance))
    }
}

/// Lookups by id; the `#[graphql(entity)]` ones also answer `_entities`.
#[derive(Default)]
pub struct EntityQuery;

#[Object]
impl EntityQuery {
    async fn women_organization(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        Ok(load_one(loader(ctx)?, OrganizationById(id.0), WomenOrganization).await?)
    }

    async fn womens_home(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomensHome>> {
        Ok(load_one(loader(ctx)?, WomensHomeById(id.0), WomensHome).await?)
    }

    #[graphql(entity)]
    async fn find_women_organization_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenOrganization>> {
        Ok(load_one(loader(ctx)?, OrganizationById(id.0), WomenOrganization).await?)
    }

    #[graphql(entity)]
    async fn find_women_activity_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenActivity>> {
        Ok(load_one(loader(ctx)?, ActivityById(id.0), WomenActivity).await?)
    }

    #[graphql(entity)]
    async fn find_women_award_by_id(
        &self,
        ctx: &Context<'_>,
        id: ID,
    ) -> async_graphql::Result<Option<WomenAward>> {
        Ok(load_one(loader(ctx)?, AwardById(id.0), WomenAward).await?)
    }

    /// unions' labour disputes, extended with the rights-assistance record.
    #[graphql(entity)]
    async fn find_labor_dispute_by_id(&self, id: ID) -> LaborDispute {
        LaborDispute { id: id.0 }
    }

    /// hub's regions, extended with the women's figures.
    #[graphql(entity)]
    async fn find_region_by_code(&self, code: String) -> Region {
        Region { code }
    }

    /// hub's service centres, extended with what the women's federation runs there.
    #[graphql(entity)]
    async fn find_service_center_by_id(&self, id: ID) -> ServiceCenter {
        ServiceCenter::new(id.0)
    }
}

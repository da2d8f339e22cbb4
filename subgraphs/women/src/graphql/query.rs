//! Root query fields: filtered, paginated lists, lookups by id, and the federation entity
//! resolvers (all batched through the dataloader).

use async_graphql::{ID, MergedObject};

use super::center::ServiceCenter;
use super::directory::{WomenActivity, WomenAward, WomenOrganization};
use super::dispute::{LaborDispute, RightsAssistance};
use super::loaders::{ActivityById, AwardById, OrganizationById, WomensHomeById};
use super::officers::WomenOfficer;
use super::places::{ChildrensHome, WomenSocialOrganization, WomensHome};
use super::region::Region;
use crate::service::activities::WomenActivityFilter;
use crate::service::assistance::RightsAssistanceFilter;
use crate::service::awards::WomenAwardFilter;
use crate::service::homes::HomeFilter;
use crate::service::officers::WomenOfficerFilter;
use crate::service::organizations::{WomenOrganizationFilter, WomenSocialOrganizationFilter};
use crate::service::{activities, assistance, awards, homes, officers, organizations};

/// The root query of the women subgraph.
#[derive(MergedObject, Default)]
pub struct Query(ListQuery, EntityQuery);

quntuan_kit::list_queries! {
    ListQuery, db(ctx) = super::db(ctx)?;
    /// Women's organisations, ordered by id.
    women_organizations(WomenOrganizationFilter)
        -> WomenOrganizationConnection("A page of women's organisations.")
        of WomenOrganization = organizations::list;
    /// Women's homes, ordered by id.
    womens_homes(HomeFilter)
        -> WomensHomeConnection("A page of women's homes.")
        of WomensHome = homes::list_womens_homes;
    /// Children's homes, ordered by id.
    childrens_homes(HomeFilter)
        -> ChildrensHomeConnection("A page of children's homes.")
        of ChildrensHome = homes::list_childrens_homes;
    /// Supported women/children social organisations, ordered by id.
    women_social_organizations(WomenSocialOrganizationFilter)
        -> WomenSocialOrganizationConnection("A page of supported social organisations.")
        of WomenSocialOrganization = organizations::list_social;
    /// Federation officers, ordered by id (personal fields need `women:personal`).
    women_officers(WomenOfficerFilter)
        -> WomenOfficerConnection("A page of federation officers.")
        of WomenOfficer = officers::list;
    /// March 8th Red Banner collectives, ordered by id.
    women_awards(WomenAwardFilter)
        -> WomenAwardConnection("A page of March 8th Red Banner collectives.")
        of WomenAward = awards::list;
    /// Family-education services and activities, latest first.
    women_activities(WomenActivityFilter)
        -> WomenActivityConnection("A page of family-education activities.")
        of WomenActivity = activities::list;
    /// Rights-assistance records on labour disputes, latest first.
    rights_assistance_records(RightsAssistanceFilter)
        -> RightsAssistanceConnection("A page of rights-assistance records.")
        of RightsAssistance = assistance::list;
}

quntuan_kit::string_key_lookups! {
    /// Lookups by id; the `#[graphql(entity)]` ones also answer `_entities`.
    EntityQuery, loader: super::loader, extends Region and ServiceCenter;
    women_organization => WomenOrganization, OrganizationById;
    womens_home => WomensHome, WomensHomeById;
    #[graphql(entity)]
    find_women_organization_by_id => WomenOrganization, OrganizationById;
    #[graphql(entity)]
    find_women_activity_by_id => WomenActivity, ActivityById;
    #[graphql(entity)]
    find_women_award_by_id => WomenAward, AwardById;
    {
        /// unions' labour disputes, extended with the rights-assistance record.
        #[graphql(entity)]
        async fn find_labor_dispute_by_id(&self, id: ID) -> LaborDispute {
            LaborDispute { id: id.0 }
        }
    }
}

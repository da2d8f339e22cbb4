//! Dataloaders: every entity lookup and every list under a parent goes through one of
//! these, so a response with N parents costs one statement per kind of child, not N.

use crate::model::{
    childrens_home, family_education_activity, red_banner_collective, rights_assistance,
    women_officer, women_organization, womens_home,
};
use crate::service::assistance;

quntuan_kit::string_key_loaders! {
    /// The one loader of the subgraph; each key type below is a separate batch.
    pub struct WomenLoader;
    /// A women's organisation by id.
    OrganizationById => women_organization by id;
    /// A March 8th Red Banner collective by id.
    AwardById => red_banner_collective by id;
    /// A family-education activity by id.
    ActivityById => family_education_activity by id;
    /// A women's home by id.
    WomensHomeById => womens_home by id;
    /// The women's homes of an organisation, by organisation id.
    WomensHomesOfOrganization => womens_home by OrganizationId;
    /// The children's homes of an organisation, by organisation id.
    ChildrensHomesOfOrganization => childrens_home by OrganizationId;
    /// The officers of an organisation, by organisation id.
    OfficersOfOrganization => women_officer by OrganizationId;
    /// The women's homes housed in a service centre, by centre id.
    WomensHomesAtCenter => womens_home by ServiceCenterId;
    /// The children's homes housed in a service centre, by centre id.
    ChildrensHomesAtCenter => childrens_home by ServiceCenterId;
    /// The family-education activities held at a service centre, by centre id.
    ActivitiesAtCenter => family_education_activity by ServiceCenterId;
    /// The family-education activities run by a women's home, by home id.
    ActivitiesOfWomensHome => family_education_activity by WomensHomeId;
    /// The rights-assistance records on a labour-dispute case, by case id.
    AssistanceOfDispute => Vec<rights_assistance::Model>, assistance::by_dispute_ids;
}

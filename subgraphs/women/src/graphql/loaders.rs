//! Dataloaders: every entity lookup and every list under a parent goes through one of
//! these, so a response with N parents costs one statement per kind of child, not N.

use quntuan_kit::rows::{by_text_ids, grouped_by_text};
use sea_orm::DatabaseConnection;

use crate::model::{
    childrens_home, family_education_activity, red_banner_collective, rights_assistance,
    women_officer, women_organization, womens_home,
};
use crate::service::assistance;

/// The one loader of the subgraph; each key type below is a separate batch.
pub struct WomenLoader {
    pub db: DatabaseConnection,
}

quntuan_kit::string_key_loaders! {
    WomenLoader;
    /// A women's organisation by id.
    OrganizationById => women_organization::Model, by_text_ids::<women_organization::Entity, _>;
    /// A March 8th Red Banner collective by id.
    AwardById => red_banner_collective::Model, by_text_ids::<red_banner_collective::Entity, _>;
    /// A family-education activity by id.
    ActivityById => family_education_activity::Model, by_text_ids::<family_education_activity::Entity, _>;
    /// A women's home by id.
    WomensHomeById => womens_home::Model, by_text_ids::<womens_home::Entity, _>;
    /// The women's homes of an organisation, by organisation id.
    WomensHomesOfOrganization => Vec<womens_home::Model>,
        grouped_by_text::<womens_home::Entity, _>, womens_home::Column::OrganizationId;
    /// The children's homes of an organisation, by organisation id.
    ChildrensHomesOfOrganization => Vec<childrens_home::Model>,
        grouped_by_text::<childrens_home::Entity, _>, childrens_home::Column::OrganizationId;
    /// The officers of an organisation, by organisation id.
    OfficersOfOrganization => Vec<women_officer::Model>,
        grouped_by_text::<women_officer::Entity, _>, women_officer::Column::OrganizationId;
    /// The women's homes housed in a service centre, by centre id.
    WomensHomesAtCenter => Vec<womens_home::Model>,
        grouped_by_text::<womens_home::Entity, _>, womens_home::Column::ServiceCenterId;
    /// The children's homes housed in a service centre, by centre id.
    ChildrensHomesAtCenter => Vec<childrens_home::Model>,
        grouped_by_text::<childrens_home::Entity, _>, childrens_home::Column::ServiceCenterId;
    /// The family-education activities held at a service centre, by centre id.
    ActivitiesAtCenter => Vec<family_education_activity::Model>,
        grouped_by_text::<family_education_activity::Entity, _>, family_education_activity::Column::ServiceCenterId;
    /// The family-education activities run by a women's home, by home id.
    ActivitiesOfWomensHome => Vec<family_education_activity::Model>,
        grouped_by_text::<family_education_activity::Entity, _>, family_education_activity::Column::WomensHomeId;
    /// The rights-assistance records on a labour-dispute case, by case id.
    AssistanceOfDispute => Vec<rights_assistance::Model>, assistance::by_dispute_ids;
}

//! Women's homes, children's homes and supported social organisations.

use async_graphql::Object;
use chrono::NaiveDate;

use super::center::ServiceCenter;
use super::directory::{WomenActivity, WomenOrganization};
use super::loader;
use super::loaders::{ActivitiesOfWomensHome, OrganizationById};
use crate::model::enums::WomenSocialOrganizationField;
use crate::model::{childrens_home, women_social_organization, womens_home};

/// A community women's home (妇女之家).
pub struct WomensHome(pub womens_home::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomensHome {
        id;
        str name;
        copy area_sqm: i32;
        copy opened_on: NaiveDate;
        codes;

        /// The women's organisation that runs it.
        link organization: WomenOrganization = OrganizationById(organization_id);

        /// The shared service centre housing it, if any.
        service_center;

        /// The family-education activities it ran.
        children activities: WomenActivity = ActivitiesOfWomensHome;
    }
}

/// A community children's home (儿童之家).
pub struct ChildrensHome(pub childrens_home::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl ChildrensHome {
        id;
        str name;
        /// How many children it can take in at once.
        copy capacity: i32;
        copy opened_on: NaiveDate;
        codes;

        /// The women's organisation that runs it.
        link organization: WomenOrganization = OrganizationById(organization_id);

        /// The shared service centre housing it, if any.
        service_center;
    }
}

/// A women/children social organisation the federation supports.
pub struct WomenSocialOrganization(pub women_social_organization::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenSocialOrganization {
        id;
        str name;
        copy field: WomenSocialOrganizationField;
        copy supported_since: NaiveDate;
        /// Funding granted by the federation so far, in yuan.
        copy funding_yuan: i64;
        codes;
    }
}

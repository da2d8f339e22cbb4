//! Federation officers: names, ID numbers and phones are personal data, served only with
//! the `women:personal` scope.

use async_graphql::Object;
use chrono::NaiveDate;

use super::PERSONAL;
use super::directory::WomenOrganization;
use super::loader;
use super::loaders::OrganizationById;
use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer;

/// A chair, vice-chair or executive member of a women's organisation.
pub struct WomenOfficer(pub women_officer::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenOfficer {
        id;
        copy role: WomenOfficerRole;

        #[graphql(requires_scopes = "women:personal")]
        personal name(PERSONAL, "WomenOfficer.name");
        #[graphql(requires_scopes = "women:personal")]
        personal id_number(PERSONAL, "WomenOfficer.idNumber");
        #[graphql(requires_scopes = "women:personal")]
        personal phone(PERSONAL, "WomenOfficer.phone");

        copy term_started_on: NaiveDate;
        codes;

        /// The organisation the officer serves.
        link organization: WomenOrganization = OrganizationById(organization_id);
    }
}

//! Federation officers: names, ID numbers and phones are personal data, served only with
//! the `women:personal` scope.

use async_graphql::Object;
use chrono::NaiveDate;

use super::directory::WomenOrganization;
use super::loader;
use super::loaders::OrganizationById;
use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer;

/// A chair, vice-chair or executive member of a women's organisation.
pub struct WomenOfficer(pub women_officer::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl WomenOfficer personal("women:personal") {
        id;
        copy role: WomenOfficerRole;

        personal name("WomenOfficer.name");
        personal id_number("WomenOfficer.idNumber");
        personal phone("WomenOfficer.phone");

        copy term_started_on: NaiveDate;
        codes;

        /// The organisation the officer serves.
        link organization: WomenOrganization = OrganizationById(organization_id);
    }
}

//! Federation officers (chairs, vice-chairs, executive members).

use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer;

quntuan_kit::list_filter! {
    pub struct WomenOfficerFilter {
        /// Only officers of organisations in this region and below.
        region_code,
        role: WomenOfficerRole => equal Role,
        organization_id: String => equal OrganizationId,
    }
    pub fn list() -> women_officer;
}

//! Labour-sector social organisations.

use crate::model::enums::LaborSocialOrganizationField;
use crate::model::labor_social_organization;

quntuan_kit::list_filter! {
    pub struct LaborSocialOrganizationFilter {
        /// Only organisations in this region and below.
        region_code,
        field: LaborSocialOrganizationField => equal Field,
        service_center_id: String => equal ServiceCenterId,
    }
    pub fn list() -> labor_social_organization;
}

//! Women's homes and children's homes.

use crate::model::{childrens_home, womens_home};

quntuan_kit::list_filter! {
    /// Filters shared by the women's-home and children's-home lists.
    pub struct HomeFilter {
        /// Only homes in this region and below.
        region_code,
        /// Only homes run by this women's organisation.
        organization_id: String => equal OrganizationId,
        /// Only homes housed in this shared service centre.
        service_center_id: String => equal ServiceCenterId,
    }
    pub fn list_womens_homes() -> womens_home;
    pub fn list_childrens_homes() -> childrens_home;
}

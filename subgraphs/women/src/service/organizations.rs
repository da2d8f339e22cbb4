//! Women's organisations and supported social organisations.

use crate::model::enums::{WomenOrganizationKind, WomenSocialOrganizationField};
use crate::model::{women_organization, women_social_organization};

quntuan_kit::list_filter! {
    pub struct WomenOrganizationFilter {
        /// Only organisations in this region and below.
        region_code,
        kind: WomenOrganizationKind => equal Kind,
    }
    pub fn list() -> women_organization;
}

quntuan_kit::list_filter! {
    pub struct WomenSocialOrganizationFilter {
        /// Only organisations in this region and below.
        region_code,
        field: WomenSocialOrganizationField => equal Field,
    }
    pub fn list_social() -> women_social_organization;
}

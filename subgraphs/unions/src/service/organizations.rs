//! Labour-sector social organisations.

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::enums::LaborSocialOrganizationField;
use crate::model::labor_social_organization::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct LaborSocialOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub field: Option<LaborSocialOrganizationField>,
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &LaborSocialOrganizationFilter) -> Entity {
        |select| {
            select
                .equal(Column::Field, filter.field)
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
        }
    }
}

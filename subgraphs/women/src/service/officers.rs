//! Federation officers (chairs, vice-chairs, executive members).

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::enums::WomenOfficerRole;
use crate::model::women_officer::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenOfficerFilter {
    /// Only officers of organisations in this region and below.
    pub region_code: Option<String>,
    pub role: Option<WomenOfficerRole>,
    pub organization_id: Option<String>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &WomenOfficerFilter) -> Entity {
        |select| {
            select
                .equal(Column::Role, filter.role)
                .equal(Column::OrganizationId, filter.organization_id.as_deref())
        }
    }
}

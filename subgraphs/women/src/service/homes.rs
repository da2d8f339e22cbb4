//! Women's homes and children's homes.

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::{childrens_home, womens_home};

/// Filters shared by the women's-home and children's-home lists.
#[derive(Clone, Debug, Default, InputObject)]
pub struct HomeFilter {
    /// Only homes in this region and below.
    pub region_code: Option<String>,
    /// Only homes run by this women's organisation.
    pub organization_id: Option<String>,
    /// Only homes housed in this shared service centre.
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    pub fn list_womens_homes(filter: &HomeFilter) -> womens_home::Entity {
        use womens_home::Column;
        |select| {
            select
                .equal(Column::OrganizationId, filter.organization_id.as_deref())
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
        }
    }

    pub fn list_childrens_homes(filter: &HomeFilter) -> childrens_home::Entity {
        use childrens_home::Column;
        |select| {
            select
                .equal(Column::OrganizationId, filter.organization_id.as_deref())
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
        }
    }
}

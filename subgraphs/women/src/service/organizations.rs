//! Women's organisations and supported social organisations.

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::enums::{WomenOrganizationKind, WomenSocialOrganizationField};
use crate::model::{women_organization, women_social_organization};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub kind: Option<WomenOrganizationKind>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &WomenOrganizationFilter) -> women_organization::Entity {
        |select| select.equal(women_organization::Column::Kind, filter.kind)
    }

    pub fn list_social(filter: &WomenSocialOrganizationFilter) -> women_social_organization::Entity {
        |select| select.equal(women_social_organization::Column::Field, filter.field)
    }
}

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenSocialOrganizationFilter {
    /// Only organisations in this region and below.
    pub region_code: Option<String>,
    pub field: Option<WomenSocialOrganizationField>,
}

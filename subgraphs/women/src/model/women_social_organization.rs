//! `women_social_organization`: Supported women/children social organisations.

use super::enums::WomenSocialOrganizationField;

quntuan_kit::located_entity!("women_social_organization", text id {
    name: String,
    field: WomenSocialOrganizationField,
    supported_since: Date,
    funding_yuan: i64,
});

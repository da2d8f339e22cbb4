//! `labor_social_organization`: labour-sector social organisations.

use super::enums::LaborSocialOrganizationField;

quntuan_kit::located_entity!("labor_social_organization", text id {
    name: String,
    field: LaborSocialOrganizationField,
    registered_on: Date,
    service_center_id: Option<String>,
});

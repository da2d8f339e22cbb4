//! `women_officer`: chairs, vice-chairs and executive members; name, ID number and phone
//! are personal data.

use super::enums::WomenOfficerRole;

quntuan_kit::located_entity!("women_officer", text id {
    organization_id: String,
    role: WomenOfficerRole,
    name: String,
    id_number: String,
    phone: String,
    term_started_on: Date,
});

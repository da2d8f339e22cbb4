//! `union_social_worker`: socialised union workers; name, ID number, phone are personal.

use super::enums::UnionSocialWorkerSpecialty;

quntuan_kit::located_entity!("union_social_worker", text id {
    name: String,
    id_number: String,
    phone: String,
    specialty: UnionSocialWorkerSpecialty,
    hired_on: Date,
    union_id: Option<String>,
    service_center_id: Option<String>,
});

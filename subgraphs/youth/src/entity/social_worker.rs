//! Youth affairs social workers; name, ID number and phone are personal data.

quntuan_kit::located_entity!("youth_social_workers" {
    name: String,
    id_number: String,
    phone: String,
    specialty: String,
    hired_on: Date,
    service_center_id: Option<String>,
});

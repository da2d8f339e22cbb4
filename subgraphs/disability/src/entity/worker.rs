//! Full- and part-time disability workers; name, ID number and phone are personal data.

quntuan_kit::located_entity!("disability_workers" {
    name: String,
    id_number: String,
    phone: String,
    role: String,
    organization_id: Option<i64>,
    service_center_id: Option<String>,
    hired_on: Date,
});

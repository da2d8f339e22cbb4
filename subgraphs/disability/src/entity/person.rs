//! The registry of people with disabilities: name, ID number and phone are personal data, category and grade sensitive.

quntuan_kit::located_entity!("disability_persons" {
    name: String,
    id_number: String,
    phone: String,
    category: String,
    grade: i16,
    organization_id: Option<i64>,
    registered_on: Date,
});

//! Youth volunteers; name, ID number and phone are personal data.

quntuan_kit::located_entity!("youth_volunteers" {
    name: String,
    id_number: String,
    phone: String,
    branch_id: Option<i64>,
    registered_on: Date,
});

//! May Fourth Red Flag league organisations and other youth awards.

quntuan_kit::located_entity!("youth_awards" {
    title: String,
    recipient_unit: String,
    recipient_person: Option<String>,
    year: i32,
});

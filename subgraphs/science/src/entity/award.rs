//! "Most beautiful science worker" honours; the recipient's name is personal data.

quntuan_kit::located_entity!("science_awards" {
    title: String,
    recipient_unit: String,
    recipient_person: Option<String>,
    year: i32,
});

//! Awards of the disabled persons' federation (助残先进集体).

quntuan_kit::located_entity!("disability_awards" {
    title: String,
    recipient_unit: String,
    recipient_person: Option<String>,
    year: i32,
});

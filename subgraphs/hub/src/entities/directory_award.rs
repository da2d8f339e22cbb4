//! Table `directory_award`.

quntuan_kit::located_entity!("directory_award", text id {
    organization: String,
    title: String,
    recipient_unit: String,
    recipient_person: Option<String>,
    year: i32,
});

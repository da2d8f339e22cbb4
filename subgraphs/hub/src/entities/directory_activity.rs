//! Table `directory_activity`.

quntuan_kit::located_entity!("directory_activity", text id {
    organization: String,
    title: String,
    kind: String,
    held_on: Date,
    participant_count: i32,
});

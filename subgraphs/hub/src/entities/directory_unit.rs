//! Table `directory_unit`.

quntuan_kit::located_entity!("directory_unit", text id {
    organization: String,
    name: String,
    kind: String,
    founded_on: Date,
    member_count: i32,
});

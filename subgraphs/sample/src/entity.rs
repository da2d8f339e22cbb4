//! The organisation's grassroots units (the table of `migrations/sample`).

quntuan_kit::located_entity!("sample_units" {
    name: String,
    kind: String,
    member_count: i32,
    founded_on: Date,
});

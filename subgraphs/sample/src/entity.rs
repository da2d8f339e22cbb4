//! The organisation's grassroots units (the table of `migrations/sample`): the kit's
//! `located_entity!` writes the sea-orm entity (`id`, these columns, the region columns).

quntuan_kit::located_entity!("sample_units" {
    name: String,
    kind: String,
    member_count: i32,
    founded_on: Date,
});

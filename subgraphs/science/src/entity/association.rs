//! Enterprise and institution science associations (企事业单位科协).

quntuan_kit::located_entity!("science_associations" {
    name: String,
    kind: String,
    industry: String,
    member_count: i32,
    founded_on: Date,
});

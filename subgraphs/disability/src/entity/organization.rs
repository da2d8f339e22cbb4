//! Grassroots disabled persons' organisations (基层残疾人组织).

quntuan_kit::located_entity!("disability_organizations" {
    name: String,
    kind: String,
    member_count: i32,
    founded_on: Date,
});

//! League branches and organisations (团组织).

quntuan_kit::located_entity!("youth_branches" {
    name: String,
    kind: String,
    member_count: i32,
    founded_on: Date,
});

//! `grassroots_union`: one row per grassroots union (基层工会).

use super::enums::GrassrootsUnionKind;

quntuan_kit::located_entity!("grassroots_union", text id {
    name: String,
    kind: GrassrootsUnionKind,
    member_count: i32,
    founded_on: Date,
    chair_name: String,
    chair_phone: String,
    service_center_id: Option<String>,
});

//! `women_organization`: Women's organisations (妇女组织).

use super::enums::WomenOrganizationKind;

quntuan_kit::located_entity!("women_organization", text id {
    name: String,
    kind: WomenOrganizationKind,
    member_count: i32,
    founded_on: Date,
});

//! `grassroots_union`: one row per grassroots union (基层工会).

use sea_orm::entity::prelude::*;

use super::enums::GrassrootsUnionKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "grassroots_union")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub kind: GrassrootsUnionKind,
    pub member_count: i32,
    pub founded_on: Date,
    pub chair_name: String,
    pub chair_phone: String,
    pub service_center_id: Option<String>,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

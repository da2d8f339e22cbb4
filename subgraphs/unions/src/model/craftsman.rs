//! `craftsman`: honoured craftsmen; name and phone are personal.

use sea_orm::entity::prelude::*;

use super::enums::CraftsmanLevel;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "craftsman")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub phone: String,
    pub trade: String,
    pub level: CraftsmanLevel,
    pub employer: String,
    pub honoured_year: i32,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

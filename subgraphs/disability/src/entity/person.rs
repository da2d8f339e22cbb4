//! The registry of people with disabilities: name, ID number and phone are personal data, category and grade sensitive.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "disability_persons")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub category: String,
    pub grade: i16,
    pub organization_id: Option<i64>,
    pub registered_on: Date,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

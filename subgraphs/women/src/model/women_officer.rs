//! `women_officer`: chairs, vice-chairs and executive members; name, ID number and phone
//! are personal data.

use sea_orm::entity::prelude::*;

use super::enums::WomenOfficerRole;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "women_officer")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub organization_id: String,
    pub role: WomenOfficerRole,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub term_started_on: Date,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `union_social_worker`: socialised union workers; name, ID number, phone are personal.

use sea_orm::entity::prelude::*;

use super::enums::UnionSocialWorkerSpecialty;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "union_social_worker")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub id_number: String,
    pub phone: String,
    pub specialty: UnionSocialWorkerSpecialty,
    pub hired_on: Date,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

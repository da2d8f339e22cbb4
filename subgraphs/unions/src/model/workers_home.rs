//! `workers_home`: workers' homes (职工之家); model homes carry their level.

use sea_orm::entity::prelude::*;

use super::enums::ModelHomeLevel;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "workers_home")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    pub union_id: String,
    pub model_level: Option<ModelHomeLevel>,
    pub area_sqm: i32,
    pub opened_on: Date,
    pub service_center_id: Option<String>,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

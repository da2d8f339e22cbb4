//! `union_activity`: themed lecture events and other union activities.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "union_activity")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub title: String,
    /// The directory's activity kind, e.g. `主题宣讲`.
    pub kind: String,
    pub held_on: Date,
    pub participant_count: i32,
    pub service_center_id: Option<String>,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

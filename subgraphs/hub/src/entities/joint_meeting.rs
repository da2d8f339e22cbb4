//! Table `joint_meeting`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "joint_meeting")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub title: String,
    /// `MONTHLY`, `QUARTERLY` or `ANNUAL`.
    pub cadence: String,
    pub held_on: Date,
    /// The city or a district.
    pub region_code: String,
    pub host_center_id: String,
    pub agenda: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

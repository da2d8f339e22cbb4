//! Table `satisfaction_rating`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "satisfaction_rating")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub service_center_id: String,
    pub organization: Option<String>,
    pub score: i16,
    pub comment: Option<String>,
    pub rated_at: DateTimeUtc,
    pub rated_by: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! Table `service_center`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "service_center")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub name: String,
    /// `CITY_HUB`, `DISTRICT_HUB`, `DEMONSTRATION_HALL` or `STREET_CENTER`.
    pub kind: String,
    pub opened_on: Date,
    pub rating_count: i64,
    pub rating_sum: i64,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

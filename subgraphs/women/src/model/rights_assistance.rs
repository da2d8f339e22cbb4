//! `rights_assistance`: Rights-assistance records on labour-dispute cases owned by `unions`.

use sea_orm::entity::prelude::*;

use super::enums::RightsAssistanceKind;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "rights_assistance")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub dispute_id: String,
    pub organization_id: String,
    pub kind: RightsAssistanceKind,
    pub note: String,
    pub assisted_on: Date,
    pub recorded_by: String,
    pub recorded_at: DateTimeUtc,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `labor_dispute`: labour-dispute cases; `status` only changes through recorded steps.

use sea_orm::entity::prelude::*;

use super::enums::LaborDisputeCategory;
use super::status::LaborDisputeStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "labor_dispute")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: String,
    pub case_number: String,
    pub title: String,
    pub category: LaborDisputeCategory,
    pub worker_count: i32,
    pub amount_claimed_yuan: i64,
    pub status: LaborDisputeStatus,
    pub received_on: Date,
    pub updated_at: DateTimeUtc,
    pub claimant_name: String,
    pub claimant_phone: String,
    pub claimant_id_number: String,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
    pub region_code: String,
    pub street_code: String,
    pub district_code: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

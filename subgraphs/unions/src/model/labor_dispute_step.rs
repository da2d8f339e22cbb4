//! `labor_dispute_step`: one row per status change of a case, numbered per case.

use sea_orm::entity::prelude::*;

use super::status::LaborDisputeStatus;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "labor_dispute_step")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub dispute_id: String,
    pub seq: i32,
    /// `None` for the receipt (the first step).
    pub from_status: Option<LaborDisputeStatus>,
    pub to_status: LaborDisputeStatus,
    pub note: String,
    pub recorded_by: String,
    pub recorded_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

//! `labor_dispute`: labour-dispute cases; `status` only changes through recorded steps.

use super::enums::LaborDisputeCategory;
use super::status::LaborDisputeStatus;

quntuan_kit::located_entity!("labor_dispute", text id {
    case_number: String,
    title: String,
    category: LaborDisputeCategory,
    worker_count: i32,
    amount_claimed_yuan: i64,
    status: LaborDisputeStatus,
    received_on: Date,
    updated_at: DateTimeUtc,
    claimant_name: String,
    claimant_phone: String,
    claimant_id_number: String,
    union_id: Option<String>,
    service_center_id: Option<String>,
});

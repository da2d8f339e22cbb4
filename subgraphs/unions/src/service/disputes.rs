//! Labour-dispute cases and their recorded steps (reads; the writes are in `workflow`).

use std::collections::HashMap;

use chrono::NaiveDate;
use quntuan_kit::ApiResult;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::group_by_key;
use crate::model::enums::LaborDisputeCategory;
use crate::model::labor_dispute::{self, Column, Entity, Model};
use crate::model::labor_dispute_step;
use crate::model::status::LaborDisputeStatus;

quntuan_kit::list_filter! {
    pub struct LaborDisputeFilter {
        /// Only cases in this region and below.
        region_code,
        status: LaborDisputeStatus => equal Status,
        category: LaborDisputeCategory => equal Category,
        union_id: String => equal UnionId,
        service_center_id: String => equal ServiceCenterId,
        /// Only cases received on or after this day.
        received_from: NaiveDate => at_least ReceivedOn,
        /// Only cases received on or before this day.
        received_to: NaiveDate => at_most ReceivedOn,
    }
    /// One page of cases, newest first, and the total count.
    pub fn list() -> labor_dispute, latest first by ReceivedOn, Id;
}

/// The cases with these ids (for the subscription, which loads its case outside a request).
pub async fn by_ids<C: ConnectionTrait>(
    db: &C,
    ids: &[String],
) -> ApiResult<HashMap<String, Model>> {
    Ok(quntuan_kit::rows::by_text_ids::<Entity, _>(db, ids).await?)
}

/// The recorded steps of each of these cases, in order.
pub async fn steps_by_dispute_ids<C: ConnectionTrait>(
    db: &C,
    dispute_ids: &[String],
) -> ApiResult<HashMap<String, Vec<labor_dispute_step::Model>>> {
    use labor_dispute_step::{Column as Step, Entity as Steps};
    let rows = Steps::find()
        .filter(Step::DisputeId.is_in(dispute_ids.iter().map(String::as_str)))
        .order_by_asc(Step::DisputeId)
        .order_by_asc(Step::Seq)
        .all(db)
        .await?;
    Ok(group_by_key(rows, |s| s.dispute_id.clone()))
}

/// Cases mediated at a service centre: all of them, and those still open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CenterCaseload {
    pub total: i64,
    pub open: i64,
}

/// The caseload of each of these service centres (one `GROUP BY` statement).
pub async fn caseload_by_center_ids<C: ConnectionTrait>(
    db: &C,
    center_ids: &[String],
) -> ApiResult<HashMap<String, CenterCaseload>> {
    let rows: Vec<(Option<String>, LaborDisputeStatus, i64)> = Entity::find()
        .select_only()
        .column(Column::ServiceCenterId)
        .column(Column::Status)
        .column_as(Column::Id.count(), "n")
        .filter(Column::ServiceCenterId.is_in(center_ids.iter().map(String::as_str)))
        .group_by(Column::ServiceCenterId)
        .group_by(Column::Status)
        .into_tuple()
        .all(db)
        .await?;
    let mut caseload: HashMap<String, CenterCaseload> = HashMap::new();
    for (center, status, n) in rows {
        let entry = caseload.entry(center.unwrap_or_default()).or_default();
        entry.total += n;
        if !status.is_final() {
            entry.open += n;
        }
    }
    Ok(caseload)
}

//! Labour-dispute cases and their recorded steps (reads; the writes are in `workflow`).

use std::collections::HashMap;

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::{ApiResult, Page};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{group_by_key, region_condition};
use crate::model::enums::LaborDisputeCategory;
use crate::model::labor_dispute::{Column, Entity, Model};
use crate::model::labor_dispute_step;
use crate::model::status::LaborDisputeStatus;

#[derive(Clone, Debug, Default, InputObject)]
pub struct LaborDisputeFilter {
    /// Only cases in this region and below.
    pub region_code: Option<String>,
    pub status: Option<LaborDisputeStatus>,
    pub category: Option<LaborDisputeCategory>,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
    /// Only cases received on or after this day.
    pub received_from: Option<NaiveDate>,
    /// Only cases received on or before this day.
    pub received_to: Option<NaiveDate>,
}

/// One page of cases, newest first, and the total count.
pub async fn list<C: ConnectionTrait>(
    db: &C,
    filter: &LaborDisputeFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let mut condition = region_condition(filter.region_code.as_deref())?;
    if let Some(status) = filter.status {
        condition = condition.add(Column::Status.eq(status));
    }
    if let Some(category) = filter.category {
        condition = condition.add(Column::Category.eq(category));
    }
    if let Some(union_id) = &filter.union_id {
        condition = condition.add(Column::UnionId.eq(union_id.as_str()));
    }
    if let Some(center) = &filter.service_center_id {
        condition = condition.add(Column::ServiceCenterId.eq(center.as_str()));
    }
    if let Some(from) = filter.received_from {
        condition = condition.add(Column::ReceivedOn.gte(from));
    }
    if let Some(to) = filter.received_to {
        condition = condition.add(Column::ReceivedOn.lte(to));
    }
    let select = Entity::find()
        .filter(condition)
        .order_by_desc(Column::ReceivedOn)
        .order_by_desc(Column::Id);
    Ok(page.fetch(select, db).await?)
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

//! The federation's rights-assistance records on labour-dispute cases (owned by `unions`):
//! reads, and recording a new one.

use std::collections::HashMap;

use async_graphql::InputObject;
use chrono::{DateTime, NaiveDate, Utc};
use quntuan_kit::{ApiError, ApiResult, RegionRef, lock_for_inserts};
use quntuan_kit::{Committed, EventBus, write_and_publish};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    IntoActiveModel, QueryFilter, QueryOrder,
};

use super::{group_by_key, required_text};
use crate::model::enums::RightsAssistanceKind;
use crate::model::rights_assistance::{self, Column, Entity, Model};
use crate::model::women_organization;
use quntuan_kit::validate;

/// Labour-dispute ids as `unions` issues them: this prefix and at least six digits.
pub const DISPUTE_ID_PREFIX: &str = "unions-dispute-";
/// Prefix of rights-assistance ids (`women-assist-000001`).
pub const ASSISTANCE_ID_PREFIX: &str = "women-assist-";

quntuan_kit::list_filter! {
    pub struct RightsAssistanceFilter {
        /// Only records of organisations in this region and below.
        region_code,
        dispute_id: String => equal DisputeId,
        organization_id: String => equal OrganizationId,
        kind: RightsAssistanceKind => equal Kind,
    }
    /// One page of records, latest first, and the total count.
    pub fn list() -> rights_assistance, latest first by AssistedOn;
}

/// The records on each of these cases, oldest first, by case id.
pub async fn by_dispute_ids<C: ConnectionTrait>(
    db: &C,
    dispute_ids: &[String],
) -> ApiResult<HashMap<String, Vec<Model>>> {
    let rows = Entity::find()
        .filter(Column::DisputeId.is_in(dispute_ids.iter().map(String::as_str)))
        .order_by_asc(Column::AssistedOn)
        .order_by_asc(Column::Id)
        .all(db)
        .await?;
    Ok(group_by_key(rows, |m| m.dispute_id.clone()))
}

/// Recording assistance on a case.
#[derive(Clone, Debug, InputObject)]
pub struct RecordRightsAssistanceInput {
    /// The case as `unions` identifies it, e.g. `unions-dispute-000123`.
    pub dispute_id: String,
    /// The women's organisation giving the assistance.
    pub organization_id: String,
    pub kind: RightsAssistanceKind,
    /// What was done (personal data: it describes the claimant's situation).
    pub note: String,
    pub assisted_on: NaiveDate,
}

/// `true` for ids of the shape `unions` issues.
pub fn is_dispute_id(id: &str) -> bool {
    id.strip_prefix(DISPUTE_ID_PREFIX)
        .is_some_and(|n| n.len() >= 6 && n.bytes().all(|b| b.is_ascii_digit()))
}

/// Validates `input` and inserts the record in one write transaction (retried when a
/// concurrent writer gets in the way), then publishes it on `events` once committed
/// (`rightsAssistanceRecorded`). The record takes the
/// region of the organisation that gave the assistance. The same organisation recording
/// the same kind of assistance on the same case and day twice is a `CONFLICT`.
///
/// The case itself lives in the unions database: only the shape of its id is checked here.
pub async fn record(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RecordRightsAssistanceInput,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> ApiResult<Model> {
    let dispute_id = input.dispute_id.trim().to_string();
    if !is_dispute_id(&dispute_id) {
        return Err(ApiError::bad_input(format!(
            "`disputeId` must be a labour-dispute id such as `unions-dispute-000123`, got `{dispute_id}`"
        )));
    }
    let note = required_text("note", &input.note, 2000)?;
    validate::not_in_future("assistedOn", input.assisted_on, now.date_naive())?;

    // The id and the organisation's region are filled in the write transaction.
    let model = Model {
        id: String::new(),
        dispute_id,
        organization_id: input.organization_id,
        kind: input.kind,
        note,
        assisted_on: input.assisted_on,
        recorded_by: recorded_by.to_string(),
        recorded_at: now,
        region_code: String::new(),
        street_code: String::new(),
        district_code: String::new(),
    };
    write_and_publish(db, events, "recording rights assistance", |txn| {
        Box::pin(insert(txn, model.clone()))
    })
    .await
}

/// The statements of [`record`]: the table is locked for inserts first, so the duplicate
/// check and the next id see every record committed before, and concurrent records queue
/// instead of colliding.
async fn insert(txn: &DatabaseTransaction, new: Model) -> ApiResult<Committed<Model>> {
    lock_for_inserts(txn, "rights_assistance").await?;
    let Some(organization) = women_organization::Entity::find_by_id(new.organization_id.as_str())
        .one(txn)
        .await?
    else {
        return Err(ApiError::bad_input(format!(
            "`organizationId` `{}` is not a women's organisation",
            new.organization_id
        )));
    };
    let duplicate = Entity::find()
        .filter(Column::DisputeId.eq(new.dispute_id.as_str()))
        .filter(Column::OrganizationId.eq(organization.id.as_str()))
        .filter(Column::Kind.eq(new.kind))
        .filter(Column::AssistedOn.eq(new.assisted_on))
        .one(txn)
        .await?;
    if let Some(existing) = duplicate {
        return Err(ApiError::conflict(format!(
            "`{}` already recorded this assistance on `{}` for {} (`{}`)",
            organization.id, new.dispute_id, new.assisted_on, existing.id
        )));
    }
    let id = validate::next_id(txn, "rights_assistance", ASSISTANCE_ID_PREFIX, 6).await?;
    let region = RegionRef {
        region_code: organization.region_code.clone(),
        street_code: organization.street_code.clone(),
        district_code: organization.district_code.clone(),
    };
    super::figures::record_assistance(txn, &region, &new.dispute_id).await?;
    let model = Model {
        id,
        organization_id: organization.id,
        region_code: organization.region_code,
        street_code: organization.street_code,
        district_code: organization.district_code,
        ..new
    };
    Entity::insert(model.clone().into_active_model())
        .exec_without_returning(txn)
        .await
        .map_err(validate::write_error)?;
    let recorded = super::events::assistance_recorded(&model);
    Ok(Committed::new(model, vec![recorded]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispute_ids_have_the_unions_shape() {
        assert!(is_dispute_id("unions-dispute-000123"));
        assert!(is_dispute_id("unions-dispute-1234567"));
        assert!(!is_dispute_id("unions-dispute-12a456"));
        assert!(!is_dispute_id("unions-unit-000123"));
        assert!(!is_dispute_id("unions-dispute-123"));
    }
}

//! The science mutation: recording a science-popularisation activity, validated and run
//! in one write transaction (retried when a concurrent writer gets in the way); nothing is written when it is rejected.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::catalog::{Org, activity_kinds};
use quntuan_kit::write::ensure_exists;
use quntuan_kit::{ApiResult, Committed, EventBus, validate, write_and_publish};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, DatabaseConnection, DatabaseTransaction, Set,
};

use crate::entity::{association, event};
use crate::ids;

/// A science-popularisation activity that took place.
#[derive(Clone, Debug, InputObject)]
pub struct RecordScienceActivityInput {
    pub title: String,
    /// One of 科普讲座, 科技周展览, 青少年科创营, 科普进社区.
    pub kind: String,
    pub held_on: NaiveDate,
    pub participant_count: i32,
    /// The community or street where it was held.
    pub region_code: String,
    /// The association that ran it, if any (`science-unit-000042`).
    pub association_id: Option<ID>,
    /// The hub's service centre id, when held at a shared venue.
    pub service_center_id: Option<ID>,
}

pub(crate) async fn record_activity(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RecordScienceActivityInput,
    today: NaiveDate,
) -> ApiResult<event::Model> {
    let title = validate::text("title", &input.title, 100)?;
    validate::one_of("kind", activity_kinds(Org::Science), &input.kind)?;
    validate::date_in_past("heldOn", input.held_on, today)?;
    validate::in_range("participantCount", 1..=100_000, input.participant_count)?;
    let region = validate::local_region("regionCode", &input.region_code)?;
    let service_center_id = input
        .service_center_id
        .as_deref()
        .map(|id| validate::service_center_id("serviceCenterId", id))
        .transpose()?;
    let association_id =
        ids::ASSOCIATION.parse_optional("associationId", input.association_id.as_ref())?;
    let row = event::ActiveModel {
        id: NotSet,
        title: Set(title),
        kind: Set(input.kind),
        held_on: Set(input.held_on),
        participant_count: Set(input.participant_count),
        association_id: Set(association_id),
        service_center_id: Set(service_center_id),
        region_code: Set(region.region_code),
        street_code: Set(region.street_code),
        district_code: Set(region.district_code),
    };
    write_and_publish(db, events, "recording a science activity", |txn| {
        Box::pin(insert_activity(txn, row.clone(), association_id))
    })
    .await
}

/// The statements of [`record_activity`].
async fn insert_activity(
    txn: &DatabaseTransaction,
    row: event::ActiveModel,
    association_id: Option<i64>,
) -> ApiResult<Committed<event::Model>> {
    ensure_exists::<association::Entity, _>(
        txn,
        association_id,
        "science association",
        ids::ASSOCIATION,
    )
    .await?;
    let row = row.insert(txn).await?;
    // Hub's directory lists every organisation's activities; it upserts this row.
    let recorded =
        quntuan_kit::activity_recorded!(Org::Science, ids::ACTIVITY.format(row.id), &row);
    Ok(Committed::new(row, vec![recorded]))
}

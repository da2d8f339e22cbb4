//! The writes of the labour-dispute workflow: receiving a case and recording a step. Each
//! runs in one transaction; a rejected call writes nothing.

use async_graphql::{ErrorExtensions, InputObject};
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use quntuan_kit::write::Transient;
use quntuan_kit::{
    ApiError, ApiResult, Committed, EventBus, RegionRef, lock_for_inserts, write_and_publish,
};
use sea_orm::sea_query::{Alias, Expr, ExprTrait, Func, Query};
use sea_orm::{
    ActiveValue, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, IntoActiveModel, QueryFilter,
};

use super::figures::{self, SUMMARY};
use super::required_text;
use crate::model::enums::LaborDisputeCategory;
use crate::model::labor_dispute::{self, Column, Entity, Model};
use crate::model::labor_dispute_step;
use crate::model::status::LaborDisputeStatus;
use quntuan_kit::validate;

/// Prefix of labour-dispute ids (`unions-dispute-000001`); `women` refers to cases by them.
pub const DISPUTE_ID_PREFIX: &str = "unions-dispute-";

/// The case number printed on mediation papers for case `seq` received in `year`.
pub fn case_number(year: i32, seq: u64) -> String {
    format!("CD-LD-{year}-{seq:06}")
}

/// What receiving a new case needs.
#[derive(Clone, Debug, InputObject)]
pub struct ReceiveLaborDisputeInput {
    pub title: String,
    pub category: LaborDisputeCategory,
    pub worker_count: i32,
    pub amount_claimed_yuan: i64,
    pub received_on: NaiveDate,
    pub claimant_name: String,
    /// An 11-digit mainland mobile number.
    pub claimant_phone: String,
    /// The 18-character resident ID number.
    pub claimant_id_number: String,
    /// The street or community where the dispute arose.
    pub region_code: String,
    /// The grassroots union involved, if any.
    pub union_id: Option<String>,
    /// The service centre mediating the case, if any.
    pub service_center_id: Option<String>,
    /// Note recorded with the receipt step.
    pub note: Option<String>,
}

/// Inserts a case in status `RECEIVED` and its first step.
pub async fn receive(
    db: &DatabaseConnection,
    events: &EventBus,
    input: ReceiveLaborDisputeInput,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> ApiResult<Model> {
    let title = required_text("title", &input.title, 200)?;
    validate::in_range("workerCount", 1..=100_000, input.worker_count)?;
    if input.amount_claimed_yuan < 0 {
        return Err(ApiError::bad_input(format!(
            "`amountClaimedYuan` must be 0 or more, got {}",
            input.amount_claimed_yuan
        )));
    }
    validate::not_in_future("receivedOn", input.received_on, now.date_naive())?;
    let claimant_name = required_text("claimantName", &input.claimant_name, 64)?;
    let claimant_phone = validate::mobile_phone("claimantPhone", &input.claimant_phone)?;
    let claimant_id_number = validate::id_number("claimantIdNumber", &input.claimant_id_number)?;
    let region = validate::record_region("regionCode", &input.region_code)?;
    let service_center_id = input
        .service_center_id
        .as_deref()
        .map(|id| validate::known_service_center("serviceCenterId", id))
        .transpose()?;
    let note = match input.note.as_deref() {
        Some(note) => required_text("note", note, 2000)?,
        None => "case received".to_string(),
    };

    let model = Model {
        case_number: String::new(),
        id: String::new(),
        title,
        category: input.category,
        worker_count: input.worker_count,
        amount_claimed_yuan: input.amount_claimed_yuan,
        status: LaborDisputeStatus::Received,
        received_on: input.received_on,
        updated_at: now,
        claimant_name,
        claimant_phone,
        claimant_id_number,
        union_id: input.union_id,
        service_center_id,
        region_code: region.region_code.clone(),
        street_code: region.street_code.clone(),
        district_code: region.district_code.clone(),
    };
    let recorded_by = recorded_by.to_string();
    write_and_publish(db, events, "receiving a labour dispute", |txn| {
        Box::pin(insert_case(
            txn,
            model.clone(),
            region.clone(),
            note.clone(),
            recorded_by.clone(),
        ))
    })
    .await
}

/// The statements of [`receive`]: the case table is locked for inserts first, so the next
/// id sees every case committed before and concurrent receipts queue instead of colliding.
async fn insert_case(
    txn: &DatabaseTransaction,
    model: Model,
    region: RegionRef,
    note: String,
    recorded_by: String,
) -> ApiResult<Committed<Model>> {
    lock_for_inserts(txn, "labor_dispute").await?;
    if let Some(union_id) = &model.union_id {
        let exists = crate::model::grassroots_union::Entity::find_by_id(union_id.as_str())
            .one(txn)
            .await?
            .is_some();
        if !exists {
            return Err(ApiError::bad_input(format!(
                "`unionId` `{union_id}` is not a grassroots union of this subgraph"
            )));
        }
    }
    let id = validate::next_id(txn, "labor_dispute", DISPUTE_ID_PREFIX, 6).await?;
    let seq = id
        .strip_prefix(DISPUTE_ID_PREFIX)
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    let model = Model {
        case_number: case_number(model.received_on.year(), seq),
        id,
        ..model
    };
    Entity::insert(model.clone().into_active_model())
        .exec_without_returning(txn)
        .await
        .map_err(validate::write_error)?;
    insert_step(
        txn,
        &model.id,
        1,
        None,
        LaborDisputeStatus::Received,
        note,
        &recorded_by,
        model.updated_at,
    )
    .await?;
    SUMMARY
        .add(
            txn,
            &region,
            &[
                (figures::DISPUTE_COUNT, 1),
                (figures::status_column(LaborDisputeStatus::Received), 1),
            ],
        )
        .await?;
    let received = super::events::dispute_changed(&model, 1);
    Ok(Committed::new(model, vec![received]))
}

/// Moving a case to a new status.
#[derive(Clone, Debug, InputObject)]
pub struct RecordLaborDisputeStepInput {
    pub dispute_id: String,
    pub to_status: LaborDisputeStatus,
    /// What happened at this step (the mediation result, the referral, ...).
    pub note: String,
}

/// Why recording a step was refused.
#[derive(Clone, Debug)]
pub enum StepRejection {
    /// Bad input, unknown case, or a database failure.
    Api(ApiError),
    /// The workflow does not allow this move from the case's current status.
    IllegalTransition {
        dispute_id: String,
        from: LaborDisputeStatus,
        to: LaborDisputeStatus,
    },
}

impl From<ApiError> for StepRejection {
    fn from(err: ApiError) -> Self {
        StepRejection::Api(err)
    }
}

impl Transient for StepRejection {
    fn is_transient(&self) -> bool {
        matches!(self, StepRejection::Api(err) if err.is_transient())
    }
}

impl From<sea_orm::DbErr> for StepRejection {
    fn from(err: sea_orm::DbErr) -> Self {
        StepRejection::Api(err.into())
    }
}

impl From<StepRejection> for async_graphql::Error {
    /// An illegal transition is a `CONFLICT` whose extensions also carry `currentStatus`,
    /// `requestedStatus` and `allowedStatuses`, so a client can offer the legal moves.
    fn from(rejection: StepRejection) -> Self {
        match rejection {
            StepRejection::Api(err) => err.into(),
            StepRejection::IllegalTransition {
                dispute_id,
                from,
                to,
            } => {
                let allowed: Vec<&str> = from.next().iter().map(|s| s.as_str()).collect();
                let message = if allowed.is_empty() {
                    format!(
                        "labour dispute `{dispute_id}` is {} (final) and cannot move to {}",
                        from.as_str(),
                        to.as_str()
                    )
                } else {
                    format!(
                        "labour dispute `{dispute_id}` cannot move from {} to {}; allowed: {}",
                        from.as_str(),
                        to.as_str(),
                        allowed.join(", ")
                    )
                };
                ApiError::conflict(message)
                    .into_graphql()
                    .extend_with(|_, ext| {
                        ext.set("currentStatus", from.as_str());
                        ext.set("requestedStatus", to.as_str());
                        ext.set(
                            "allowedStatuses",
                            async_graphql::Value::List(
                                allowed.iter().map(|s| (*s).into()).collect(),
                            ),
                        );
                    })
            }
        }
    }
}

/// Moves a case along the workflow and records the step, in one write transaction. The
/// update is conditional on the status read, so two concurrent steps cannot both apply:
/// the later one runs again, reads the new status, and is refused if the move is no
/// longer legal.
pub async fn record_step(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RecordLaborDisputeStepInput,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> Result<(Model, labor_dispute_step::Model), StepRejection> {
    let note = required_text("note", &input.note, 2000)?;
    let recorded_by = recorded_by.to_string();
    write_and_publish(db, events, "recording a labour-dispute step", |txn| {
        Box::pin(apply_step(
            txn,
            input.dispute_id.clone(),
            input.to_status,
            note.clone(),
            recorded_by.clone(),
            now,
        ))
    })
    .await
}

/// The statements of [`record_step`].
async fn apply_step(
    txn: &DatabaseTransaction,
    dispute_id: String,
    to_status: LaborDisputeStatus,
    note: String,
    recorded_by: String,
    now: DateTime<Utc>,
) -> Result<Committed<(Model, labor_dispute_step::Model)>, StepRejection> {
    let Some(case) = Entity::find_by_id(dispute_id.as_str()).one(txn).await? else {
        return Err(ApiError::not_found("labour dispute", &dispute_id).into());
    };
    if !case.status.can_move_to(to_status) {
        return Err(StepRejection::IllegalTransition {
            dispute_id: case.id,
            from: case.status,
            to: to_status,
        });
    }
    let updated = Entity::update_many()
        .set(labor_dispute::ActiveModel {
            status: ActiveValue::Set(to_status),
            updated_at: ActiveValue::Set(now),
            ..Default::default()
        })
        .filter(Column::Id.eq(case.id.as_str()))
        .filter(Column::Status.eq(case.status))
        .exec(txn)
        .await?;
    if updated.rows_affected != 1 {
        return Err(ApiError::changed_concurrently(format!(
            "labour dispute `{}` kept changing while this step was recorded; reload it and retry",
            case.id
        ))
        .into());
    }
    let seq = next_step_seq(txn, &case.id).await?;
    let step = insert_step(
        txn,
        &case.id,
        seq,
        Some(case.status),
        to_status,
        note,
        &recorded_by,
        now,
    )
    .await?;
    let region = RegionRef {
        region_code: case.region_code.clone(),
        street_code: case.street_code.clone(),
        district_code: case.district_code.clone(),
    };
    SUMMARY
        .add(
            txn,
            &region,
            &[
                (figures::status_column(case.status), -1),
                (figures::status_column(to_status), 1),
            ],
        )
        .await?;
    let case = Model {
        status: to_status,
        updated_at: now,
        ..case
    };
    let moved = super::events::dispute_changed(&case, step.seq);
    Ok(Committed::new((case, step), vec![moved]))
}

async fn next_step_seq<C: ConnectionTrait>(db: &C, dispute_id: &str) -> ApiResult<i32> {
    let statement = Query::select()
        .expr_as(Func::max(Expr::col(Alias::new("seq"))), Alias::new("last"))
        .from(Alias::new("labor_dispute_step"))
        .and_where(Expr::col(Alias::new("dispute_id")).eq(dispute_id))
        .to_owned();
    let last: Option<i32> = match db.query_one(&statement).await? {
        Some(row) => row.try_get("", "last")?,
        None => None,
    };
    Ok(last.unwrap_or(0) + 1)
}

#[expect(
    clippy::too_many_arguments,
    reason = "one value per column of the step row"
)]
async fn insert_step<C: ConnectionTrait>(
    db: &C,
    dispute_id: &str,
    seq: i32,
    from: Option<LaborDisputeStatus>,
    to: LaborDisputeStatus,
    note: String,
    recorded_by: &str,
    now: DateTime<Utc>,
) -> ApiResult<labor_dispute_step::Model> {
    let mut step = labor_dispute_step::Model {
        id: 0,
        dispute_id: dispute_id.to_string(),
        seq,
        from_status: from,
        to_status: to,
        note,
        recorded_by: recorded_by.to_string(),
        recorded_at: now,
    };
    // The database numbers the step (an auto-increment id): insert without it.
    let mut row = step.clone().into_active_model();
    row.id = ActiveValue::NotSet;
    let inserted = labor_dispute_step::Entity::insert(row)
        .exec(db)
        .await
        .map_err(validate::write_error)?;
    step.id = inserted.last_insert_id;
    Ok(step)
}

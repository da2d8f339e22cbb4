//! The youth mutations: validated, one write transaction each (`write_transaction`, retried
//! when a concurrent writer gets in the way), nothing written when rejected.
//! Each adds what it wrote to the per-region figures summary in the same transaction.

use async_graphql::{ID, InputObject};
use chrono::NaiveDate;
use quntuan_kit::catalog::{Org, activity_kinds};
use quntuan_kit::write::ensure_exists;
use quntuan_kit::{
    ApiError, ApiResult, Committed, EventBus, RegionRef, write_and_publish, write_transaction,
};
use sea_orm::{
    ActiveModelTrait, ActiveValue::NotSet, ColumnTrait, DatabaseConnection, DatabaseTransaction,
    EntityTrait, PaginatorTrait, QueryFilter, Set, SqlErr,
};

use super::summary::SUMMARY;
use super::validate;
use crate::entity::{activity, branch, home, service_log, volunteer};
use crate::ids;

/// A new volunteer's registration.
#[derive(Clone, Debug, InputObject)]
pub struct RegisterVolunteerInput {
    pub name: String,
    /// 18-character resident ID number (with a valid check character).
    pub id_number: String,
    /// 11-digit mobile number.
    pub phone: String,
    /// The community or street the volunteer serves in.
    pub region_code: String,
    /// The league branch the volunteer belongs to, if any.
    pub branch_id: Option<ID>,
    pub registered_on: NaiveDate,
}

/// Hours served by a volunteer on one day.
#[derive(Clone, Debug, InputObject)]
pub struct LogServiceHoursInput {
    pub volunteer_id: ID,
    pub served_on: NaiveDate,
    /// More than 0, at most 24, in steps of one minute.
    pub hours: f64,
    pub description: String,
}

/// A youth social-scene activity that took place.
#[derive(Clone, Debug, InputObject)]
pub struct RecordActivityInput {
    pub title: String,
    /// One of the scenes: 青年交友, 城市漫步, 读书会, 运动社交, 音乐市集, 志愿服务.
    pub kind: String,
    pub held_on: NaiveDate,
    pub participant_count: i32,
    /// The community or street where it was held.
    pub region_code: String,
    pub youth_home_id: Option<ID>,
    /// The hub's service centre id, when held at a shared venue.
    pub service_center_id: Option<ID>,
}

pub(crate) async fn register_volunteer(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RegisterVolunteerInput,
    today: NaiveDate,
) -> ApiResult<volunteer::Model> {
    let name = validate::text("name", &input.name, 50)?;
    validate::id_number("idNumber", &input.id_number)?;
    validate::phone("phone", &input.phone)?;
    let region = validate::local_region("regionCode", &input.region_code)?;
    validate::date_in_past("registeredOn", input.registered_on, today)?;
    let branch_id = ids::BRANCH.parse_optional("branchId", input.branch_id.as_ref())?;
    let id_number = input.id_number.clone();
    let row = volunteer::ActiveModel {
        id: NotSet,
        name: Set(name),
        id_number: Set(input.id_number),
        phone: Set(input.phone),
        branch_id: Set(branch_id),
        registered_on: Set(input.registered_on),
        region_code: Set(region.region_code.clone()),
        street_code: Set(region.street_code.clone()),
        district_code: Set(region.district_code.clone()),
    };
    write_and_publish(db, events, "registering a youth volunteer", |txn| {
        Box::pin(insert_volunteer(
            txn,
            row.clone(),
            id_number.clone(),
            branch_id,
            region.clone(),
        ))
    })
    .await
}

/// The statements of [`register_volunteer`]. The ID number is checked here for a clear
/// answer; the unique index decides between two registrations racing each other.
async fn insert_volunteer(
    txn: &DatabaseTransaction,
    row: volunteer::ActiveModel,
    id_number: String,
    branch_id: Option<i64>,
    region: RegionRef,
) -> ApiResult<Committed<volunteer::Model>> {
    ensure_exists::<branch::Entity, _>(txn, branch_id, "league branch", ids::BRANCH).await?;
    let taken = volunteer::Entity::find()
        .filter(volunteer::Column::IdNumber.eq(id_number))
        .count(txn)
        .await?;
    if taken > 0 {
        return Err(ApiError::conflict(
            "a volunteer with this `idNumber` is already registered",
        ));
    }
    let row = row.insert(txn).await.map_err(|err| match err.sql_err() {
        // A registration racing this one took the ID number between the check and the
        // insert: the unique index refuses it, and the caller hears the same CONFLICT.
        Some(SqlErr::UniqueConstraintViolation(_)) => {
            ApiError::conflict("a volunteer with this `idNumber` is already registered")
        }
        _ => ApiError::from(err),
    })?;
    SUMMARY.add(txn, &region, &[("volunteer_count", 1)]).await?;
    let registered = super::events::volunteer_registered(&row);
    Ok(Committed::new(row, vec![registered]))
}

pub(crate) async fn log_service_hours(
    db: &DatabaseConnection,
    input: LogServiceHoursInput,
    today: NaiveDate,
) -> ApiResult<service_log::Model> {
    let minutes = validate::hours_as_minutes("hours", input.hours)?;
    let description = validate::text("description", &input.description, 200)?;
    validate::date_in_past("servedOn", input.served_on, today)?;
    let volunteer_id = ids::VOLUNTEER.parse_input("volunteerId", &input.volunteer_id)?;
    let volunteer_label = input.volunteer_id.to_string();
    write_transaction(db, "logging service hours", |txn| {
        Box::pin(insert_service_log(
            txn,
            volunteer_id,
            volunteer_label.clone(),
            input.served_on,
            minutes,
            description.clone(),
        ))
    })
    .await
}

/// The statements of [`log_service_hours`]: the log counts where its volunteer serves.
async fn insert_service_log(
    txn: &DatabaseTransaction,
    volunteer_id: i64,
    volunteer_label: String,
    served_on: NaiveDate,
    minutes: i32,
    description: String,
) -> ApiResult<service_log::Model> {
    let volunteer = volunteer::Entity::find_by_id(volunteer_id)
        .one(txn)
        .await?
        .ok_or_else(|| ApiError::not_found("volunteer", &volunteer_label))?;
    if served_on < volunteer.registered_on {
        return Err(ApiError::bad_input(format!(
            "`servedOn` ({}) is before the volunteer registered ({})",
            served_on, volunteer.registered_on
        )));
    }
    let region = RegionRef {
        region_code: volunteer.region_code,
        street_code: volunteer.street_code,
        district_code: volunteer.district_code,
    };
    let row = service_log::ActiveModel {
        id: NotSet,
        volunteer_id: Set(volunteer.id),
        served_on: Set(served_on),
        minutes: Set(minutes),
        description: Set(description),
        region_code: Set(region.region_code.clone()),
        street_code: Set(region.street_code.clone()),
        district_code: Set(region.district_code.clone()),
    }
    .insert(txn)
    .await?;
    SUMMARY
        .add(txn, &region, &[("service_minutes", i64::from(minutes))])
        .await?;
    Ok(row)
}

pub(crate) async fn record_activity(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RecordActivityInput,
    today: NaiveDate,
) -> ApiResult<activity::Model> {
    let title = validate::text("title", &input.title, 100)?;
    validate::one_of("kind", activity_kinds(Org::Youth), &input.kind)?;
    validate::date_in_past("heldOn", input.held_on, today)?;
    validate::in_range("participantCount", 1..=100_000, input.participant_count)?;
    let region = validate::local_region("regionCode", &input.region_code)?;
    let service_center_id = input
        .service_center_id
        .as_deref()
        .map(|id| validate::service_center_id("serviceCenterId", id))
        .transpose()?;
    let home_id = ids::HOME.parse_optional("youthHomeId", input.youth_home_id.as_ref())?;
    let participants = i64::from(input.participant_count);
    let row = activity::ActiveModel {
        id: NotSet,
        title: Set(title),
        kind: Set(input.kind),
        held_on: Set(input.held_on),
        participant_count: Set(input.participant_count),
        youth_home_id: Set(home_id),
        service_center_id: Set(service_center_id),
        region_code: Set(region.region_code.clone()),
        street_code: Set(region.street_code.clone()),
        district_code: Set(region.district_code.clone()),
    };
    write_and_publish(db, events, "recording a youth activity", |txn| {
        Box::pin(insert_activity(
            txn,
            row.clone(),
            home_id,
            region.clone(),
            participants,
        ))
    })
    .await
}

/// The statements of [`record_activity`].
async fn insert_activity(
    txn: &DatabaseTransaction,
    row: activity::ActiveModel,
    home_id: Option<i64>,
    region: RegionRef,
    participants: i64,
) -> ApiResult<Committed<activity::Model>> {
    ensure_exists::<home::Entity, _>(txn, home_id, "youth home", ids::HOME).await?;
    let row = row.insert(txn).await?;
    SUMMARY
        .add(
            txn,
            &region,
            &[
                ("activity_count", 1),
                ("activity_participant_count", participants),
            ],
        )
        .await?;
    // Hub's directory lists every organisation's activities; it upserts this row.
    let recorded = quntuan_kit::activity_recorded!(Org::Youth, ids::ACTIVITY.format(row.id), &row);
    Ok(Committed::new(row, vec![recorded]))
}

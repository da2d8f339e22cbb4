//! Grassroots unions: listing, lookup by id, and registering a new one.

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::{
    ApiError, ApiResult, Committed, EventBus, RegionRef, lock_for_inserts, write_and_publish,
};
use sea_orm::{
    ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait, IntoActiveModel,
    QueryFilter, QuerySelect,
};

use super::figures::{self, SUMMARY};
use super::required_text;
use crate::model::enums::GrassrootsUnionKind;
use crate::model::grassroots_union::{self, Column, Entity, Model};
use quntuan_kit::validate;

quntuan_kit::list_filter! {
    /// Filters of the grassroots-union list; all optional, combined with AND.
    pub struct GrassrootsUnionFilter {
        /// Only unions in this region and below (city, county, street or community code).
        region_code,
        kind: GrassrootsUnionKind => equal Kind,
        /// Only unions whose name contains this text.
        name_contains: String => containing Name,
        /// Only unions based at this shared service centre.
        service_center_id: String => equal ServiceCenterId,
    }
    /// One page of unions matching `filter`, ordered by id, and the total count.
    pub fn list() -> grassroots_union;
}

/// What registering a grassroots union needs.
#[derive(Clone, Debug, InputObject)]
pub struct RegisterGrassrootsUnionInput {
    pub name: String,
    pub kind: GrassrootsUnionKind,
    /// The community (12 digits) or street (9 digits) the union belongs to.
    pub region_code: String,
    pub member_count: i32,
    pub founded_on: NaiveDate,
    pub chair_name: String,
    /// An 11-digit mainland mobile number.
    pub chair_phone: String,
    pub service_center_id: Option<String>,
}

/// Validates `input` and inserts the union in one write transaction (retried when a
/// concurrent writer gets in the way). A union of the same name in the same region is a
/// `CONFLICT`; nothing is written unless everything passes.
pub async fn register(
    db: &DatabaseConnection,
    events: &EventBus,
    input: RegisterGrassrootsUnionInput,
    today: NaiveDate,
) -> ApiResult<Model> {
    let name = required_text("name", &input.name, 200)?;
    let region = validate::record_region("regionCode", &input.region_code)?;
    validate::in_range("memberCount", 1..=1_000_000, input.member_count)?;
    validate::not_in_future("foundedOn", input.founded_on, today)?;
    let chair_name = required_text("chairName", &input.chair_name, 64)?;
    let chair_phone = validate::mobile_phone("chairPhone", &input.chair_phone)?;
    let service_center_id = input
        .service_center_id
        .as_deref()
        .map(|id| validate::known_service_center("serviceCenterId", id))
        .transpose()?;
    let model = Model {
        id: String::new(),
        name,
        kind: input.kind,
        member_count: input.member_count,
        founded_on: input.founded_on,
        chair_name,
        chair_phone,
        service_center_id,
        region_code: region.region_code.clone(),
        street_code: region.street_code.clone(),
        district_code: region.district_code.clone(),
    };
    write_and_publish(db, events, "registering a grassroots union", |txn| {
        Box::pin(insert(txn, model.clone(), region.clone()))
    })
    .await
}

/// The statements of [`register`]: the table is locked for inserts first, so the name
/// check and the next id see every union committed before, and concurrent registrations
/// queue instead of colliding.
async fn insert(
    txn: &DatabaseTransaction,
    model: Model,
    region: RegionRef,
) -> ApiResult<Committed<Model>> {
    lock_for_inserts(txn, "grassroots_union").await?;
    let duplicate = Entity::find()
        .filter(Column::RegionCode.eq(model.region_code.as_str()))
        .filter(Column::Name.eq(model.name.as_str()))
        .select_only()
        .column(Column::Id)
        .into_tuple::<String>()
        .one(txn)
        .await?;
    if let Some(existing) = duplicate {
        return Err(ApiError::conflict(format!(
            "region `{}` already has a grassroots union named `{}` (`{existing}`)",
            model.region_code, model.name
        )));
    }
    let id = validate::next_id(txn, "grassroots_union", "unions-unit-", 6).await?;
    let model = Model { id, ..model };
    Entity::insert(model.clone().into_active_model())
        .exec_without_returning(txn)
        .await
        .map_err(validate::write_error)?;
    SUMMARY
        .add(
            txn,
            &region,
            &[
                (figures::GRASSROOTS_UNION_COUNT, 1),
                (figures::MEMBER_COUNT, i64::from(model.member_count)),
            ],
        )
        .await?;
    // Hub's directory lists every organisation's units; it upserts this row.
    let registered = super::events::union_registered(&model);
    Ok(Committed::new(model, vec![registered]))
}

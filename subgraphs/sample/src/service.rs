//! Every SQL statement of the sample subgraph: the filtered list, the summary of figures,
//! and the one mutation. Validation and workflow are the organisation's own; the shapes
//! (filters, pages, summary upkeep, write transactions) are the kit's.

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::ids::IdKind;
use quntuan_kit::summary::{RegionSummary, SummarySource};
use quntuan_kit::{
    ApiError, ApiResult, Filters, Page, RegionRef, lock_for_inserts, validate, write_transaction,
};
use quntuan_sample_migration::FIGURE_COLUMNS;
use sea_orm::{
    ActiveModelTrait, ActiveValue, ConnectionTrait, DatabaseConnection, EntityTrait, QueryOrder,
};

use crate::entity::{ActiveModel, Column, Entity, Model};

/// Public ids: `sample-unit-000042` for unit 42.
pub const UNIT: IdKind = IdKind::new("sample-unit-", 6);

/// The per-region figures `Region.sample` reads: units and their members.
pub const SUMMARY: RegionSummary = RegionSummary {
    table: "sample_region_figures",
    columns: &FIGURE_COLUMNS,
    sources: &[SummarySource {
        table: "sample_units",
        measures: &[
            ("unit_count", "COUNT(*)"),
            ("member_count", "SUM(member_count)"),
        ],
    }],
    distinct: &[],
};

/// Filters of `sampleUnits`.
#[derive(Clone, Debug, Default, InputObject)]
pub struct SampleUnitFilter {
    /// A division code: the city, a district, street or community (and everything below).
    pub region_code: Option<String>,
    pub kind: Option<String>,
    /// Part of the unit's name.
    pub name_contains: Option<String>,
}

pub(crate) async fn units<C: ConnectionTrait>(
    db: &C,
    filter: &SampleUnitFilter,
    page: Page,
) -> ApiResult<(i64, Vec<Model>)> {
    let select = Entity::find()
        .in_region(filter.region_code.as_deref())?
        .equal(Column::Kind, filter.kind.clone())
        .containing(Column::Name, filter.name_contains.as_deref());
    Ok(page.fetch(select.order_by_asc(Column::Id), db).await?)
}

/// Registering a grassroots unit.
#[derive(Clone, Debug, InputObject)]
pub struct RegisterSampleUnitInput {
    pub name: String,
    pub kind: String,
    /// The street (9 digits) or community (12 digits) the unit is in.
    pub region_code: String,
    pub member_count: i32,
    pub founded_on: NaiveDate,
}

/// Validates `input` and writes the unit and its figures in one write transaction (retried
/// when a concurrent writer gets in the way). An after-commit hook (an event) goes after
/// `write_transaction` returns.
pub(crate) async fn register(
    db: &DatabaseConnection,
    input: RegisterSampleUnitInput,
    today: NaiveDate,
) -> ApiResult<Model> {
    let name = validate::text("name", &input.name, 100)?;
    let kind = validate::text("kind", &input.kind, 40)?;
    let region = RegionRef::of(&input.region_code)
        .filter(|r| r.region_code.len() >= 9)
        .ok_or_else(|| {
            ApiError::bad_input(format!(
                "`regionCode` must be a street (9 digits) or community (12 digits) code of \
                 Chengdu, got `{}`",
                input.region_code
            ))
        })?;
    if !(0..=1_000_000).contains(&input.member_count) {
        return Err(ApiError::bad_input(format!(
            "`memberCount` must be between 0 and 1000000, got {}",
            input.member_count
        )));
    }
    if input.founded_on > today {
        return Err(ApiError::bad_input(format!(
            "`foundedOn` must not be in the future, got {}",
            input.founded_on
        )));
    }
    write_transaction(db, "registering a unit", |txn| {
        let (name, kind, region) = (name.clone(), kind.clone(), region.clone());
        let (members, founded_on) = (input.member_count, input.founded_on);
        Box::pin(async move {
            lock_for_inserts(txn, "sample_units").await?;
            let unit = ActiveModel {
                id: ActiveValue::NotSet,
                name: ActiveValue::Set(name),
                kind: ActiveValue::Set(kind),
                member_count: ActiveValue::Set(members),
                founded_on: ActiveValue::Set(founded_on),
                region_code: ActiveValue::Set(region.region_code.clone()),
                street_code: ActiveValue::Set(region.street_code.clone()),
                district_code: ActiveValue::Set(region.district_code.clone()),
            }
            .insert(txn)
            .await
            .map_err(validate::write_error)?;
            SUMMARY
                .add(
                    txn,
                    &region,
                    &[("unit_count", 1), ("member_count", i64::from(members))],
                )
                .await?;
            ApiResult::Ok(unit)
        })
    })
    .await
}

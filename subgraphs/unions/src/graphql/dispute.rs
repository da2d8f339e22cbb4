//! `LaborDispute @key(fields: "id")`, owned here; `women` extends it with its
//! rights-assistance record.

use async_graphql::{Context, ID, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use quntuan_kit::reveal;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loaders::{StepsOfDispute, UnionById};
use super::region::Region;
use super::{PERSONAL, loader};
use crate::model::enums::LaborDisputeCategory;
use crate::model::status::LaborDisputeStatus;
use crate::model::{labor_dispute, labor_dispute_step};

/// A labour-dispute case under one-stop mediation.
pub struct LaborDispute(pub labor_dispute::Model);

#[Object]
impl LaborDispute {
    async fn id(&self) -> ID {
        ID(self.0.id.clone())
    }

    async fn case_number(&self) -> &str {
        &self.0.case_number
    }

    async fn title(&self) -> &str {
        &self.0.title
    }

    async fn category(&self) -> LaborDisputeCategory {
        self.0.category
    }

    async fn worker_count(&self) -> i32 {
        self.0.worker_count
    }

    async fn amount_claimed_yuan(&self) -> i64 {
        self.0.amount_claimed_yuan
    }

    async fn status(&self) -> LaborDisputeStatus {
        self.0.status
    }

    /// The statuses the case may move to next (empty once it is closed).
    async fn allowed_next_statuses(&self) -> Vec<LaborDisputeStatus> {
        self.0.status.next().to_vec()
    }

    async fn received_on(&self) -> NaiveDate {
        self.0.received_on
    }

    async fn updated_at(&self) -> DateTime<Utc> {
        self.0.updated_at
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn claimant_name(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "LaborDispute.claimantName",
            &self.0.id,
            || self.0.claimant_name.clone(),
        )
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn claimant_phone(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "LaborDispute.claimantPhone",
            &self.0.id,
            || self.0.claimant_phone.clone(),
        )
    }

    #[graphql(requires_scopes = "unions:personal")]
    async fn claimant_id_number(&self, ctx: &Context<'_>) -> Option<String> {
        reveal(
            ctx,
            PERSONAL,
            "LaborDispute.claimantIdNumber",
            &self.0.id,
            || self.0.claimant_id_number.clone(),
        )
    }

    async fn region_code(&self) -> &str {
        &self.0.region_code
    }

    async fn street_code(&self) -> &str {
        &self.0.street_code
    }

    async fn district_code(&self) -> &str {
        &self.0.district_code
    }

    /// The region where the dispute arose; `hub` serves its name and level.
    async fn region(&self) -> Region {
        Region {
            code: self.0.region_code.clone(),
        }
    }

    /// The grassroots union involved, if any.
    async fn union(&self, ctx: &Context<'_>) -> async_graphql::Result<Option<GrassrootsUnion>> {
        let Some(union_id) = &self.0.union_id else {
            return Ok(None);
        };
        let union = loader(ctx)?.load_one(UnionById(union_id.clone())).await?;
        Ok(union.map(GrassrootsUnion))
    }

    /// The shared service centre mediating the case, if any.
    async fn service_center(&self) -> Option<ServiceCenter> {
        self.0.service_center_id.clone().map(ServiceCenter::new)
    }

    /// Every recorded step, the receipt first.
    async fn steps(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<LaborDisputeStep>> {
        let steps = loader(ctx)?
            .load_one(StepsOfDispute(self.0.id.clone()))
            .await?;
        Ok(steps
            .unwrap_or_default()
            .into_iter()
            .map(LaborDisputeStep::from)
            .collect())
    }
}

/// One recorded status change of a case.
#[derive(SimpleObject)]
pub struct LaborDisputeStep {
    /// 1 for the receipt, then 2, 3, ...
    pub seq: i32,
    /// `null` for the receipt.
    pub from_status: Option<LaborDisputeStatus>,
    pub to_status: LaborDisputeStatus,
    pub note: String,
    /// The subject of the caller who recorded it.
    pub recorded_by: String,
    pub recorded_at: DateTime<Utc>,
}

impl From<labor_dispute_step::Model> for LaborDisputeStep {
    fn from(step: labor_dispute_step::Model) -> Self {
        LaborDisputeStep {
            seq: step.seq,
            from_status: step.from_status,
            to_status: step.to_status,
            note: step.note,
            recorded_by: step.recorded_by,
            recorded_at: step.recorded_at,
        }
    }
}

//! `LaborDispute @key(fields: "id")`, owned here; `women` extends it with its
//! rights-assistance record.

use async_graphql::{Context, Object, SimpleObject};
use chrono::{DateTime, NaiveDate, Utc};
use quntuan_kit::load_list;

use super::center::ServiceCenter;
use super::directory::GrassrootsUnion;
use super::loader;
use super::loaders::StepsOfDispute;
use super::loaders::UnionById;
use super::region::Region;
use crate::model::enums::LaborDisputeCategory;
use crate::model::status::LaborDisputeStatus;
use crate::model::{labor_dispute, labor_dispute_step};

/// A labour-dispute case under one-stop mediation.
pub struct LaborDispute(pub labor_dispute::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl LaborDispute personal("unions:personal") {
        id;
        str case_number;
        str title;
        copy category: LaborDisputeCategory;
        copy worker_count: i32;
        copy amount_claimed_yuan: i64;
        copy status: LaborDisputeStatus;

        /// The statuses the case may move to next (empty once it is closed).
        async fn allowed_next_statuses(&self) -> Vec<LaborDisputeStatus> {
            self.0.status.next().to_vec()
        }

        copy received_on: NaiveDate;
        copy updated_at: DateTime<Utc>;

        personal claimant_name("LaborDispute.claimantName");
        personal claimant_phone("LaborDispute.claimantPhone");
        personal claimant_id_number("LaborDispute.claimantIdNumber");

        codes;
        /// The region where the dispute arose; `hub` serves its name and level.
        region;

        /// The grassroots union involved, if any.
        nullable link union: GrassrootsUnion = UnionById(union_id);

        /// The shared service centre mediating the case, if any.
        service_center;

        /// Every recorded step, the receipt first.
        async fn steps(&self, ctx: &Context<'_>) -> async_graphql::Result<Vec<LaborDisputeStep>> {
            let key = StepsOfDispute(self.0.id.clone());
            Ok(load_list(loader(ctx)?, key, LaborDisputeStep::from).await?)
        }
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

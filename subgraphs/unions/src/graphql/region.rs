//! `Region @key(fields: "code")` (owned by `hub`), extended with the unions' figures: the
//! region's row of the per-region summary, read with every other region's of the response
//! in one statement.

use async_graphql::{Object, SimpleObject};
use sea_orm::Iterable;

use crate::model::status::LaborDisputeStatus;
use crate::service::figures::{FigureTable, dispute_status_index};
use quntuan_kit::summary::SummaryFigures;

quntuan_kit::region_figures! {
    loader(ctx) = SummaryFigures::of(ctx)?;
    /// Trade-union figures of this region and everything below it.
    unions: UnionsRegionFigures by FigureTable;
    /// Trade-union figures of a region (public aggregates): its summary row.
}

impl UnionsRegionFigures {
    fn disputes_in(&self, status: LaborDisputeStatus) -> i64 {
        self.figure(FigureTable::Disputes, dispute_status_index(status))
    }
}

/// The number of cases in one status.
#[derive(SimpleObject)]
pub struct LaborDisputeStatusCount {
    pub status: LaborDisputeStatus,
    pub count: i64,
}

#[Object]
impl UnionsRegionFigures {
    async fn grassroots_union_count(&self) -> i64 {
        self.figure(FigureTable::GrassrootsUnions, 0)
    }

    /// Members of the grassroots unions.
    async fn member_count(&self) -> i64 {
        self.figure(FigureTable::GrassrootsUnions, 1)
    }

    async fn workers_home_count(&self) -> i64 {
        self.figure(FigureTable::WorkersHomes, 0)
    }

    /// Model workers' homes of every level.
    async fn model_workers_home_count(&self) -> i64 {
        self.figure(FigureTable::WorkersHomes, 1)
    }

    async fn national_model_workers_home_count(&self) -> i64 {
        self.figure(FigureTable::WorkersHomes, 2)
    }

    async fn provincial_model_workers_home_count(&self) -> i64 {
        self.figure(FigureTable::WorkersHomes, 3)
    }

    async fn city_model_workers_home_count(&self) -> i64 {
        self.figure(FigureTable::WorkersHomes, 4)
    }

    /// Labour-dispute cases, all of them or those in `status`.
    async fn dispute_count(&self, status: Option<LaborDisputeStatus>) -> i64 {
        match status {
            Some(status) => self.disputes_in(status),
            None => self.figure(FigureTable::Disputes, 0),
        }
    }

    /// Cases still received or in mediation.
    async fn open_dispute_count(&self) -> i64 {
        let open = LaborDisputeStatus::iter().filter(|status| !status.is_final());
        open.map(|status| self.disputes_in(status)).sum()
    }

    /// Case counts per status, every status listed in workflow order.
    async fn disputes_by_status(&self) -> Vec<LaborDisputeStatusCount> {
        LaborDisputeStatus::iter()
            .map(|status| LaborDisputeStatusCount {
                status,
                count: self.disputes_in(status),
            })
            .collect()
    }

    /// May Day labour certificates and medals together.
    async fn award_count(&self) -> i64 {
        self.figure(FigureTable::Awards, 0)
    }

    async fn certificate_count(&self) -> i64 {
        self.figure(FigureTable::Awards, 1)
    }

    async fn medal_count(&self) -> i64 {
        self.figure(FigureTable::Awards, 2)
    }

    async fn social_worker_count(&self) -> i64 {
        self.figure(FigureTable::SocialWorkers, 0)
    }

    async fn craftsman_count(&self) -> i64 {
        self.figure(FigureTable::Craftsmen, 0)
    }

    async fn labor_social_organization_count(&self) -> i64 {
        self.figure(FigureTable::LaborSocialOrganizations, 0)
    }

    async fn activity_count(&self) -> i64 {
        self.figure(FigureTable::Activities, 0)
    }

    async fn activity_participant_count(&self) -> i64 {
        self.figure(FigureTable::Activities, 1)
    }
}

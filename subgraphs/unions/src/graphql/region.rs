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

quntuan_kit::directory_object! {
    #[Object]
    impl UnionsRegionFigures {
        figure grassroots_union_count(FigureTable::GrassrootsUnions, 0);
        /// Members of the grassroots unions.
        figure member_count(FigureTable::GrassrootsUnions, 1);
        figure workers_home_count(FigureTable::WorkersHomes, 0);
        /// Model workers' homes of every level.
        figure model_workers_home_count(FigureTable::WorkersHomes, 1);
        figure national_model_workers_home_count(FigureTable::WorkersHomes, 2);
        figure provincial_model_workers_home_count(FigureTable::WorkersHomes, 3);
        figure city_model_workers_home_count(FigureTable::WorkersHomes, 4);
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
        figure award_count(FigureTable::Awards, 0);
        figure certificate_count(FigureTable::Awards, 1);
        figure medal_count(FigureTable::Awards, 2);
        figure social_worker_count(FigureTable::SocialWorkers, 0);
        figure craftsman_count(FigureTable::Craftsmen, 0);
        figure labor_social_organization_count(FigureTable::LaborSocialOrganizations, 0);
        figure activity_count(FigureTable::Activities, 0);
        figure activity_participant_count(FigureTable::Activities, 1);
    }
}

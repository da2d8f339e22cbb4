//! `Region @key(fields: "code")` (owned by `hub`), extended with the unions' figures.

use async_graphql::{Context, Object, SimpleObject};
use sea_orm::Iterable;

use super::loader;
use super::loaders::RegionFigures;
use crate::model::status::LaborDisputeStatus;
use crate::service::figures::{FigureTable, dispute_status_index};

/// A region of the county – street – community hierarchy; `hub` owns its name and level.
pub struct Region {
    pub code: String,
}

#[Object]
impl Region {
    async fn code(&self) -> &str {
        &self.code
    }

    /// Trade-union figures of this region and everything below it.
    async fn unions(&self) -> Option<UnionsRegionFigures> {
        Some(UnionsRegionFigures {
            code: self.code.clone(),
        })
    }
}

/// Trade-union figures of a region (public aggregates). Every figure of every region in
/// the response comes from one batched read of the per-region summary.
pub struct UnionsRegionFigures {
    code: String,
}

impl UnionsRegionFigures {
    async fn measure(
        &self,
        ctx: &Context<'_>,
        table: FigureTable,
        index: usize,
    ) -> async_graphql::Result<i64> {
        let key = RegionFigures {
            table,
            code: self.code.clone(),
        };
        let values = loader(ctx)?.load_one(key).await?;
        Ok(values.and_then(|v| v.get(index).copied()).unwrap_or(0))
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
    async fn grassroots_union_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::GrassrootsUnions, 0).await
    }

    /// Members of the grassroots unions.
    async fn member_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::GrassrootsUnions, 1).await
    }

    async fn workers_home_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WorkersHomes, 0).await
    }

    /// Model workers' homes of every level.
    async fn model_workers_home_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WorkersHomes, 1).await
    }

    async fn national_model_workers_home_count(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WorkersHomes, 2).await
    }

    async fn provincial_model_workers_home_count(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WorkersHomes, 3).await
    }

    async fn city_model_workers_home_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WorkersHomes, 4).await
    }

    /// Labour-dispute cases, all of them or those in `status`.
    async fn dispute_count(
        &self,
        ctx: &Context<'_>,
        status: Option<LaborDisputeStatus>,
    ) -> async_graphql::Result<i64> {
        let index = status.map(dispute_status_index).unwrap_or(0);
        self.measure(ctx, FigureTable::Disputes, index).await
    }

    /// Cases still received or in mediation.
    async fn open_dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        // One load for both open statuses: a second load issued after the first batch
        // has run would start a batch (and a statement) of its own.
        let key = RegionFigures {
            table: FigureTable::Disputes,
            code: self.code.clone(),
        };
        let values = loader(ctx)?.load_one(key).await?.unwrap_or_default();
        Ok(LaborDisputeStatus::iter()
            .filter(|status| !status.is_final())
            .filter_map(|status| values.get(dispute_status_index(status)).copied())
            .sum())
    }

    /// Case counts per status, every status listed in workflow order.
    async fn disputes_by_status(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<Vec<LaborDisputeStatusCount>> {
        let key = RegionFigures {
            table: FigureTable::Disputes,
            code: self.code.clone(),
        };
        let values = loader(ctx)?.load_one(key).await?.unwrap_or_default();
        Ok(LaborDisputeStatus::iter()
            .map(|status| LaborDisputeStatusCount {
                status,
                count: values
                    .get(dispute_status_index(status))
                    .copied()
                    .unwrap_or(0),
            })
            .collect())
    }

    /// May Day labour certificates and medals together.
    async fn award_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Awards, 0).await
    }

    async fn certificate_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Awards, 1).await
    }

    async fn medal_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Awards, 2).await
    }

    async fn social_worker_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::SocialWorkers, 0).await
    }

    async fn craftsman_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Craftsmen, 0).await
    }

    async fn labor_social_organization_count(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::LaborSocialOrganizations, 0)
            .await
    }

    async fn activity_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Activities, 0).await
    }

    async fn activity_participant_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Activities, 1).await
    }
}

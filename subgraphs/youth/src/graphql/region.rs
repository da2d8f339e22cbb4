//! `Region` (owned by hub) extended with `youth`: the youth figures of a region and
//! everything below it, read from the per-region summary, one statement per batch of regions.

use async_graphql::{Context, Object, Result, SimpleObject};

use super::app;

/// A region of the county – street – community hierarchy (owned by hub).
pub(crate) struct Region {
    pub(crate) code: String,
}

#[Object]
impl Region {
    async fn code(&self) -> &str {
        &self.code
    }
    /// The Communist Youth League's figures for this region and everything below it.
    async fn youth(&self, ctx: &Context<'_>) -> Result<Option<YouthRegionFigures>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.youth_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn youth_here(&self, ctx: &Context<'_>) -> Result<YouthRegionFigures> {
        let figures = app(ctx)?
            .loaders
            .region_figures
            .load_one(self.code.clone())
            .await?
            .unwrap_or_default();
        Ok(YouthRegionFigures::from_row(&figures))
    }
}

/// Counts and totals of the youth league in a region (public aggregates).
#[derive(SimpleObject, Debug, Default, PartialEq)]
pub(crate) struct YouthRegionFigures {
    /// League branches and organisations.
    pub(crate) branch_count: i64,
    /// League members in those branches.
    pub(crate) member_count: i64,
    pub(crate) volunteer_count: i64,
    /// Hours served by volunteers, over all logs.
    pub(crate) service_hours: f64,
    pub(crate) youth_home_count: i64,
    pub(crate) activity_count: i64,
    pub(crate) activity_participant_count: i64,
    pub(crate) social_worker_count: i64,
    pub(crate) award_count: i64,
}

impl YouthRegionFigures {
    /// From the figures in the order of `summary::FIGURES`.
    fn from_row(row: &[i64]) -> YouthRegionFigures {
        let at = |i: usize| row.get(i).copied().unwrap_or(0);
        YouthRegionFigures {
            branch_count: at(0),
            member_count: at(1),
            volunteer_count: at(2),
            service_hours: at(3) as f64 / 60.0,
            youth_home_count: at(4),
            activity_count: at(5),
            activity_participant_count: at(6),
            social_worker_count: at(7),
            award_count: at(8),
        }
    }
}

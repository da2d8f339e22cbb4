//! `Region` (owned by hub) extended with `science`: the science figures of a region and
//! everything below it, one SQL aggregate per batch of regions.

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
    /// The Association for Science and Technology's figures for this region and
    /// everything below it.
    async fn science(&self, ctx: &Context<'_>) -> Result<Option<ScienceRegionFigures>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.science_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn science_here(&self, ctx: &Context<'_>) -> Result<ScienceRegionFigures> {
        let figures = app(ctx)?
            .loaders
            .region_figures
            .load_one(self.code.clone())
            .await?
            .unwrap_or_default();
        Ok(ScienceRegionFigures::from_row(&figures))
    }
}

/// Counts and totals of the science association in a region (public aggregates).
#[derive(SimpleObject, Debug, Default, PartialEq)]
pub(crate) struct ScienceRegionFigures {
    /// Enterprise and institution science associations.
    pub(crate) association_count: i64,
    /// Members of those associations.
    pub(crate) association_member_count: i64,
    /// Academician and expert innovation workstations.
    pub(crate) workstation_count: i64,
    /// Of which academician workstations.
    pub(crate) academician_workstation_count: i64,
    /// Science-popularisation activities.
    pub(crate) activity_count: i64,
    pub(crate) activity_participant_count: i64,
    /// "Most beautiful science worker" honours.
    pub(crate) award_count: i64,
}

impl ScienceRegionFigures {
    /// From the figures in the order of `loaders::FIGURE_SOURCES`.
    fn from_row(row: &[i64]) -> ScienceRegionFigures {
        let at = |i: usize| row.get(i).copied().unwrap_or(0);
        ScienceRegionFigures {
            association_count: at(0),
            association_member_count: at(1),
            workstation_count: at(2),
            academician_workstation_count: at(3),
            activity_count: at(4),
            activity_participant_count: at(5),
            award_count: at(6),
        }
    }
}

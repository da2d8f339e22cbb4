//! `Region` (owned by hub) extended with `disability`: the federation's figures of a region
//! and everything below it, one SQL aggregate per batch of regions. Counts only: no
//! breakdown by category or grade, which could single people out in small communities.

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
    /// The Disabled Persons' Federation's figures for this region and everything below it.
    async fn disability(&self, ctx: &Context<'_>) -> Result<Option<DisabilityRegionFigures>> {
        // Nullable, so that an outage of this subgraph nulls only its own figures.
        self.disability_here(ctx).await.map(Some)
    }

    #[graphql(skip)]
    async fn disability_here(&self, ctx: &Context<'_>) -> Result<DisabilityRegionFigures> {
        let figures = app(ctx)?
            .loaders
            .region_figures
            .load_one(self.code.clone())
            .await?
            .unwrap_or_default();
        Ok(DisabilityRegionFigures::from_row(&figures))
    }
}

/// Counts of the disabled persons' federation in a region (public aggregates).
#[derive(SimpleObject, Debug, Default, PartialEq)]
pub(crate) struct DisabilityRegionFigures {
    /// Grassroots disabled persons' organisations.
    pub(crate) organization_count: i64,
    /// Members of those organisations.
    pub(crate) organization_member_count: i64,
    /// Full- and part-time disability workers.
    pub(crate) worker_count: i64,
    /// People in the registry of people with disabilities.
    pub(crate) registered_person_count: i64,
    /// Accessibility services (有爱无碍).
    pub(crate) service_count: i64,
    /// People served by them.
    pub(crate) service_beneficiary_count: i64,
    pub(crate) award_count: i64,
}

impl DisabilityRegionFigures {
    /// From the figures in the order of `service::figures::SUMMARY`.
    fn from_row(row: &[i64]) -> DisabilityRegionFigures {
        let at = |i: usize| row.get(i).copied().unwrap_or(0);
        DisabilityRegionFigures {
            organization_count: at(0),
            organization_member_count: at(1),
            worker_count: at(2),
            registered_person_count: at(3),
            service_count: at(4),
            service_beneficiary_count: at(5),
            award_count: at(6),
        }
    }
}

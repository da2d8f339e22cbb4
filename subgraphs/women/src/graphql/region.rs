//! `Region @key(fields: "code")` (owned by `hub`), extended with the women's federation's
//! figures.

use async_graphql::{Context, Object};

use super::loader;
use super::loaders::RegionFigures;
use crate::service::figures::FigureTable;

/// A region of the county – street – community hierarchy; `hub` owns its name and level.
pub struct Region {
    pub code: String,
}

#[Object]
impl Region {
    async fn code(&self) -> &str {
        &self.code
    }

    /// Women's federation figures of this region and everything below it.
    async fn women(&self) -> Option<WomenRegionFigures> {
        Some(WomenRegionFigures {
            code: self.code.clone(),
        })
    }
}

/// Women's federation figures of a region (public aggregates). Each figure comes from a
/// batched aggregate shared by every region in the response.
pub struct WomenRegionFigures {
    code: String,
}

impl WomenRegionFigures {
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

#[Object]
impl WomenRegionFigures {
    /// Women's organisations (community and village federations, women's committees).
    async fn organization_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Organizations, 0).await
    }

    /// Members of the women's organisations.
    async fn member_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Organizations, 1).await
    }

    async fn womens_home_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::WomensHomes, 0).await
    }

    async fn childrens_home_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::ChildrensHomes, 0).await
    }

    /// Places for children in the children's homes.
    async fn childrens_home_capacity(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::ChildrensHomes, 1).await
    }

    /// Supported women/children social organisations.
    async fn social_organization_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::SocialOrganizations, 0).await
    }

    /// Funding granted to them, in yuan.
    async fn social_organization_funding_yuan(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::SocialOrganizations, 1).await
    }

    /// All officers: chairs, vice-chairs and executive members.
    async fn officer_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Officers, 0).await
    }

    /// Chairs and vice-chairs.
    async fn chair_and_vice_chair_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        // One load for both roles, so the figure stays in the batch of its table.
        let key = RegionFigures {
            table: FigureTable::Officers,
            code: self.code.clone(),
        };
        let values = loader(ctx)?.load_one(key).await?.unwrap_or_default();
        Ok(values.get(1).copied().unwrap_or(0) + values.get(2).copied().unwrap_or(0))
    }

    async fn executive_member_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Officers, 3).await
    }

    /// March 8th Red Banner collectives.
    async fn red_banner_collective_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Awards, 0).await
    }

    /// Family-education services and activities.
    async fn activity_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Activities, 0).await
    }

    async fn activity_participant_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Activities, 1).await
    }

    /// Rights-assistance records given by organisations of the region.
    async fn rights_assistance_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Assistance, 0).await
    }

    /// Labour-dispute cases those records assisted.
    async fn assisted_dispute_count(&self, ctx: &Context<'_>) -> async_graphql::Result<i64> {
        self.measure(ctx, FigureTable::Assistance, 1).await
    }
}

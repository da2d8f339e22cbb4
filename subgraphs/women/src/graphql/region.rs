//! `Region @key(fields: "code")` (owned by `hub`), extended with the women's federation's
//! figures: the region's row of the per-region summary, read with every other region's of
//! the response in one statement.

use async_graphql::Object;
use quntuan_kit::summary::SummaryFigures;

use crate::service::figures::FigureTable;

quntuan_kit::region_figures! {
    loader(ctx) = SummaryFigures::of(ctx)?;
    /// Women's federation figures of this region and everything below it.
    women: WomenRegionFigures by FigureTable;
    /// Women's federation figures of a region (public aggregates): its summary row.
}

#[Object]
impl WomenRegionFigures {
    /// Women's organisations (community and village federations, women's committees).
    async fn organization_count(&self) -> i64 {
        self.figure(FigureTable::Organizations, 0)
    }

    /// Members of the women's organisations.
    async fn member_count(&self) -> i64 {
        self.figure(FigureTable::Organizations, 1)
    }

    async fn womens_home_count(&self) -> i64 {
        self.figure(FigureTable::WomensHomes, 0)
    }

    async fn childrens_home_count(&self) -> i64 {
        self.figure(FigureTable::ChildrensHomes, 0)
    }

    /// Places for children in the children's homes.
    async fn childrens_home_capacity(&self) -> i64 {
        self.figure(FigureTable::ChildrensHomes, 1)
    }

    /// Supported women/children social organisations.
    async fn social_organization_count(&self) -> i64 {
        self.figure(FigureTable::SocialOrganizations, 0)
    }

    /// Funding granted to them, in yuan.
    async fn social_organization_funding_yuan(&self) -> i64 {
        self.figure(FigureTable::SocialOrganizations, 1)
    }

    /// All officers: chairs, vice-chairs and executive members.
    async fn officer_count(&self) -> i64 {
        self.figure(FigureTable::Officers, 0)
    }

    /// Chairs and vice-chairs.
    async fn chair_and_vice_chair_count(&self) -> i64 {
        self.figure(FigureTable::Officers, 1) + self.figure(FigureTable::Officers, 2)
    }

    async fn executive_member_count(&self) -> i64 {
        self.figure(FigureTable::Officers, 3)
    }

    /// March 8th Red Banner collectives.
    async fn red_banner_collective_count(&self) -> i64 {
        self.figure(FigureTable::Awards, 0)
    }

    /// Family-education services and activities.
    async fn activity_count(&self) -> i64 {
        self.figure(FigureTable::Activities, 0)
    }

    async fn activity_participant_count(&self) -> i64 {
        self.figure(FigureTable::Activities, 1)
    }

    /// Rights-assistance records given by organisations of the region.
    async fn rights_assistance_count(&self) -> i64 {
        self.figure(FigureTable::Assistance, 0)
    }

    /// Labour-dispute cases those records assisted.
    async fn assisted_dispute_count(&self) -> i64 {
        self.figure(FigureTable::Assistance, 1)
    }
}

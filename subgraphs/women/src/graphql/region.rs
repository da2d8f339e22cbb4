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

quntuan_kit::directory_object! {
    #[Object]
    impl WomenRegionFigures {
        /// Women's organisations (community and village federations, women's committees).
        figure organization_count(FigureTable::Organizations, 0);
        /// Members of the women's organisations.
        figure member_count(FigureTable::Organizations, 1);
        figure womens_home_count(FigureTable::WomensHomes, 0);
        figure childrens_home_count(FigureTable::ChildrensHomes, 0);
        /// Places for children in the children's homes.
        figure childrens_home_capacity(FigureTable::ChildrensHomes, 1);
        /// Supported women/children social organisations.
        figure social_organization_count(FigureTable::SocialOrganizations, 0);
        /// Funding granted to them, in yuan.
        figure social_organization_funding_yuan(FigureTable::SocialOrganizations, 1);
        /// All officers: chairs, vice-chairs and executive members.
        figure officer_count(FigureTable::Officers, 0);
        /// Chairs and vice-chairs.
        async fn chair_and_vice_chair_count(&self) -> i64 {
            self.figure(FigureTable::Officers, 1) + self.figure(FigureTable::Officers, 2)
        }
        figure executive_member_count(FigureTable::Officers, 3);
        /// March 8th Red Banner collectives.
        figure red_banner_collective_count(FigureTable::Awards, 0);
        /// Family-education services and activities.
        figure activity_count(FigureTable::Activities, 0);
        figure activity_participant_count(FigureTable::Activities, 1);
        /// Rights-assistance records given by organisations of the region.
        figure rights_assistance_count(FigureTable::Assistance, 0);
        /// Labour-dispute cases those records assisted.
        figure assisted_dispute_count(FigureTable::Assistance, 1);
    }
}

//! March 8th Red Banner collectives.

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::red_banner_collective::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenAwardFilter {
    /// Only collectives in this region and below.
    pub region_code: Option<String>,
    pub year: Option<i32>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &WomenAwardFilter) -> Entity {
        |select| select.equal(Column::Year, filter.year)
    }
}

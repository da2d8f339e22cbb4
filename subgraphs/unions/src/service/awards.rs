//! May Day labour awards (certificates and medals).

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::enums::LaborAwardKind;
use crate::model::labor_award::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct LaborAwardFilter {
    /// Only awards to recipients in this region and below.
    pub region_code: Option<String>,
    pub kind: Option<LaborAwardKind>,
    pub year: Option<i32>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &LaborAwardFilter) -> Entity {
        |select| {
            select
                .equal(Column::Kind, filter.kind)
                .equal(Column::Year, filter.year)
        }
    }
}

//! Union activities (themed lecture events).

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::Filters;
use sea_orm::QueryOrder;

use crate::model::union_activity::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct UnionActivityFilter {
    /// Only activities held in this region and below.
    pub region_code: Option<String>,
    /// Only activities held on or after this day.
    pub held_from: Option<NaiveDate>,
    /// Only activities held on or before this day.
    pub held_to: Option<NaiveDate>,
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    /// One page of activities, latest first, and the total count.
    pub fn list(filter: &UnionActivityFilter) -> Entity {
        |select| {
            select
                .between(Column::HeldOn, filter.held_from, filter.held_to)
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
                .order_by_desc(Column::HeldOn)
        }
    }
}

//! Family-education services and activities.

use async_graphql::InputObject;
use chrono::NaiveDate;
use quntuan_kit::Filters;
use sea_orm::QueryOrder;

use crate::model::family_education_activity::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WomenActivityFilter {
    /// Only activities held in this region and below.
    pub region_code: Option<String>,
    /// Only activities of this kind, e.g. `亲子阅读`.
    pub kind: Option<String>,
    /// Only activities held on or after this day.
    pub held_from: Option<NaiveDate>,
    /// Only activities held on or before this day.
    pub held_to: Option<NaiveDate>,
    pub womens_home_id: Option<String>,
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    /// One page of activities, latest first, and the total count.
    pub fn list(filter: &WomenActivityFilter) -> Entity {
        |select| {
            select
                .equal(Column::Kind, filter.kind.as_deref())
                .between(Column::HeldOn, filter.held_from, filter.held_to)
                .equal(Column::WomensHomeId, filter.womens_home_id.as_deref())
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
                .order_by_desc(Column::HeldOn)
        }
    }
}

//! Union social workers and craftsmen (records holding personal data; the GraphQL layer
//! guards those fields).

use async_graphql::InputObject;
use quntuan_kit::Filters;

use crate::model::enums::{CraftsmanLevel, UnionSocialWorkerSpecialty};
use crate::model::{craftsman, union_social_worker};

#[derive(Clone, Debug, Default, InputObject)]
pub struct UnionSocialWorkerFilter {
    /// Only workers in this region and below.
    pub region_code: Option<String>,
    pub specialty: Option<UnionSocialWorkerSpecialty>,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    pub fn list_social_workers(filter: &UnionSocialWorkerFilter) -> union_social_worker::Entity {
        use union_social_worker::Column;
        |select| {
            select
                .equal(Column::Specialty, filter.specialty)
                .equal(Column::UnionId, filter.union_id.as_deref())
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
        }
    }
}

#[derive(Clone, Debug, Default, InputObject)]
pub struct CraftsmanFilter {
    /// Only craftsmen in this region and below.
    pub region_code: Option<String>,
    pub level: Option<CraftsmanLevel>,
    /// Only craftsmen of this trade (exact), e.g. `数控加工`.
    pub trade: Option<String>,
    pub honoured_year: Option<i32>,
}

quntuan_kit::paged_lists! {
    pub fn list_craftsmen(filter: &CraftsmanFilter) -> craftsman::Entity {
        use craftsman::Column;
        |select| {
            select
                .equal(Column::Level, filter.level)
                .equal(Column::Trade, filter.trade.as_deref())
                .equal(Column::HonouredYear, filter.honoured_year)
        }
    }
}

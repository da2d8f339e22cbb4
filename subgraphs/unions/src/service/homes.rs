//! Workers' homes, including model workers' homes by level.

use async_graphql::InputObject;
use quntuan_kit::Filters;
use sea_orm::{ColumnTrait, QueryFilter};

use crate::model::enums::ModelHomeLevel;
use crate::model::workers_home::{Column, Entity};

#[derive(Clone, Debug, Default, InputObject)]
pub struct WorkersHomeFilter {
    /// Only homes in this region and below.
    pub region_code: Option<String>,
    /// Only model workers' homes of this level.
    pub model_level: Option<ModelHomeLevel>,
    /// `true`: only model homes (any level); `false`: only ordinary homes.
    pub model: Option<bool>,
    pub union_id: Option<String>,
    pub service_center_id: Option<String>,
}

quntuan_kit::paged_lists! {
    pub fn list(filter: &WorkersHomeFilter) -> Entity {
        |select| {
            let select = select.equal(Column::ModelLevel, filter.model_level);
            let select = match filter.model {
                Some(true) => select.filter(Column::ModelLevel.is_not_null()),
                Some(false) => select.filter(Column::ModelLevel.is_null()),
                None => select,
            };
            select
                .equal(Column::UnionId, filter.union_id.as_deref())
                .equal(Column::ServiceCenterId, filter.service_center_id.as_deref())
        }
    }
}

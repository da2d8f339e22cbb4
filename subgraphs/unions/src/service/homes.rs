//! Workers' homes, including model workers' homes by level.

use crate::model::enums::ModelHomeLevel;
use crate::model::workers_home;

quntuan_kit::list_filter! {
    pub struct WorkersHomeFilter {
        /// Only homes in this region and below.
        region_code,
        /// Only model workers' homes of this level.
        model_level: ModelHomeLevel => equal ModelLevel,
        /// `true`: only model homes (any level); `false`: only ordinary homes.
        model: bool => has_value ModelLevel,
        union_id: String => equal UnionId,
        service_center_id: String => equal ServiceCenterId,
    }
    pub fn list() -> workers_home;
}

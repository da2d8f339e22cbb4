//! Union social workers and craftsmen (records holding personal data; the GraphQL layer
//! guards those fields).

use crate::model::enums::{CraftsmanLevel, UnionSocialWorkerSpecialty};
use crate::model::{craftsman, union_social_worker};

quntuan_kit::list_filter! {
    pub struct UnionSocialWorkerFilter {
        /// Only workers in this region and below.
        region_code,
        specialty: UnionSocialWorkerSpecialty => equal Specialty,
        union_id: String => equal UnionId,
        service_center_id: String => equal ServiceCenterId,
    }
    pub fn list_social_workers() -> union_social_worker;
}

quntuan_kit::list_filter! {
    pub struct CraftsmanFilter {
        /// Only craftsmen in this region and below.
        region_code,
        level: CraftsmanLevel => equal Level,
        /// Only craftsmen of this trade (exact), e.g. `数控加工`.
        trade: String => equal Trade,
        honoured_year: i32 => equal HonouredYear,
    }
    pub fn list_craftsmen() -> craftsman;
}

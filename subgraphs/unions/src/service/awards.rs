//! May Day labour awards (certificates and medals).

use crate::model::enums::LaborAwardKind;
use crate::model::labor_award;

quntuan_kit::list_filter! {
    pub struct LaborAwardFilter {
        /// Only awards to recipients in this region and below.
        region_code,
        kind: LaborAwardKind => equal Kind,
        year: i32 => equal Year,
    }
    pub fn list() -> labor_award;
}

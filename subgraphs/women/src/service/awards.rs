//! March 8th Red Banner collectives.

use crate::model::red_banner_collective;

quntuan_kit::list_filter! {
    pub struct WomenAwardFilter {
        /// Only collectives in this region and below.
        region_code,
        year: i32 => equal Year,
    }
    pub fn list() -> red_banner_collective;
}

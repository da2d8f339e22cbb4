//! Union activities (themed lecture events).

use chrono::NaiveDate;

use crate::model::union_activity;

quntuan_kit::list_filter! {
    pub struct UnionActivityFilter {
        /// Only activities held in this region and below.
        region_code,
        /// Only activities held on or after this day.
        held_from: NaiveDate => at_least HeldOn,
        /// Only activities held on or before this day.
        held_to: NaiveDate => at_most HeldOn,
        service_center_id: String => equal ServiceCenterId,
    }
    /// One page of activities, latest first, and the total count.
    pub fn list() -> union_activity, latest first by HeldOn;
}

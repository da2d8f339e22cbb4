//! Family-education services and activities.

use chrono::NaiveDate;

use crate::model::family_education_activity;

quntuan_kit::list_filter! {
    pub struct WomenActivityFilter {
        /// Only activities held in this region and below.
        region_code,
        /// Only activities of this kind, e.g. `亲子阅读`.
        kind: String => equal Kind,
        /// Only activities held on or after this day.
        held_from: NaiveDate => at_least HeldOn,
        /// Only activities held on or before this day.
        held_to: NaiveDate => at_most HeldOn,
        womens_home_id: String => equal WomensHomeId,
        service_center_id: String => equal ServiceCenterId,
    }
    /// One page of activities, latest first, and the total count.
    pub fn list() -> family_education_activity, latest first by HeldOn;
}

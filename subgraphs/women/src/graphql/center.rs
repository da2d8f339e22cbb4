//! `ServiceCenter @key(fields: "id")` (owned by `hub`), extended with what the women's
//! federation runs at the venue.

use super::directory::WomenActivity;
use super::loader;
use super::loaders::{ActivitiesAtCenter, ChildrensHomesAtCenter, WomensHomesAtCenter};
use super::places::{ChildrensHome, WomensHome};

quntuan_kit::service_center! {
    /// What the women's federation runs at this venue.
    women: WomenAtServiceCenter,
    keys(ctx) = loader(ctx)?;
    {
        /// Women's homes housed here.
        womens_homes: WomensHome = WomensHomesAtCenter,
        /// Children's homes housed here.
        childrens_homes: ChildrensHome = ChildrensHomesAtCenter,
        /// Family-education activities held here.
        activities: WomenActivity = ActivitiesAtCenter,
    }
}

//! Academician and expert innovation workstations. The lead expert's name and phone are
//! personal data (`science:personal`), refused here too and audited.

use async_graphql::Object;
use chrono::NaiveDate;

use crate::entity::workstation;
use crate::graphql::region::Region;
use crate::ids;

/// An academician or expert innovation workstation (院士（专家）创新工作站).
pub(crate) struct ScienceWorkstation(pub(crate) workstation::Model);

quntuan_kit::directory_object! {
    #[Object]
    impl ScienceWorkstation personal("science:personal", ids::WORKSTATION) {
        id(ids::WORKSTATION);
        str name;
        /// `院士工作站` or `专家工作站`.
        str kind;
        /// The enterprise or institution hosting the workstation.
        str host_unit;
        /// The research field, e.g. 生物医药.
        str field;
        /// The academician or expert leading it (personal data).
        personal lead_expert("ScienceWorkstation.leadExpert");
        /// The lead expert's phone (personal data).
        personal expert_phone("ScienceWorkstation.expertPhone");
        copy established_on: NaiveDate;
        region;
    }
}

quntuan_kit::connection!(
    /// A page of innovation workstations.
    ScienceWorkstationConnection,
    ScienceWorkstation
);

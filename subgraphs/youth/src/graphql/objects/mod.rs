//! The public object types of the youth subgraph (wrappers over database rows).

mod activity;
mod branch;
mod home;
mod organization;
mod people;

pub(crate) use activity::{YouthActivity, YouthActivityConnection};
pub(crate) use branch::{YouthAward, YouthAwardConnection, YouthBranch, YouthBranchConnection};
pub(crate) use home::{YouthHome, YouthHomeConnection};
pub(crate) use organization::Organization;
pub(crate) use people::{
    YouthServiceLog, YouthServiceLogConnection, YouthSocialWorker, YouthSocialWorkerConnection,
    YouthVolunteer, YouthVolunteerConnection,
};

use super::region::Region;

/// The `Region` entity (owned by hub) a record belongs to.
pub(crate) fn region_of(code: &str) -> Region {
    Region {
        code: code.to_string(),
    }
}

/// The personal-data scope of this subgraph.
pub(crate) const PERSONAL: &str = "youth:personal";

//! The public object types of the disability subgraph (wrappers over database rows).

mod directory;
mod organization;
mod people;

pub(crate) use directory::{
    DisabilityActivity, DisabilityActivityConnection, DisabilityAward, DisabilityAwardConnection,
    DisabilityOrganization, DisabilityOrganizationConnection,
};
pub(crate) use organization::Organization;
pub(crate) use people::{
    DisabilityWorker, DisabilityWorkerConnection, DisabledPerson, DisabledPersonConnection,
};

use super::region::Region;

/// The `Region` entity (owned by hub) a record belongs to.
pub(crate) fn region_of(code: &str) -> Region {
    Region {
        code: code.to_string(),
    }
}

/// Unlocks names, ID numbers and phones of the federation's people.
pub(crate) const PERSONAL: &str = "disability:personal";

//! The public object types of the disability subgraph (wrappers over database rows).

mod directory;
mod people;

pub(crate) use directory::{
    DisabilityActivity, DisabilityActivityConnection, DisabilityAward, DisabilityAwardConnection,
    DisabilityOrganization, DisabilityOrganizationConnection,
};
pub(crate) use people::{
    DisabilityWorker, DisabilityWorkerConnection, DisabledPerson, DisabledPersonConnection,
};
pub(crate) use quntuan_kit::organization::Organization;

/// Unlocks names, ID numbers and phones of the federation's people.
pub(crate) const PERSONAL: &str = "disability:personal";

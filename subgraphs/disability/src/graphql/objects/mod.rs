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

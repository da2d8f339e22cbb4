//! The public object types of the science subgraph (wrappers over database rows).

mod directory;
mod workstation;

pub(crate) use directory::{
    ScienceActivity, ScienceActivityConnection, ScienceAssociation, ScienceAssociationConnection,
    ScienceAward, ScienceAwardConnection,
};
pub(crate) use quntuan_kit::organization::Organization;
pub(crate) use workstation::{ScienceWorkstation, ScienceWorkstationConnection};

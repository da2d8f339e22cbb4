//! The public object types of the science subgraph (wrappers over database rows).

mod directory;
mod organization;
mod workstation;

pub(crate) use directory::{
    ScienceActivity, ScienceActivityConnection, ScienceAssociation, ScienceAssociationConnection,
    ScienceAward, ScienceAwardConnection,
};
pub(crate) use organization::Organization;
pub(crate) use workstation::{ScienceWorkstation, ScienceWorkstationConnection};

use super::region::Region;

/// The `Region` entity (owned by hub) a record belongs to.
pub(crate) fn region_of(code: &str) -> Region {
    Region {
        code: code.to_string(),
    }
}

/// The personal-data scope of this subgraph.
pub(crate) const PERSONAL: &str = "science:personal";

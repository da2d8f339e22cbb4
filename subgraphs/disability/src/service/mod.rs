//! The service layer: every SQL statement of the disability subgraph lives here, taking a
//! connection and plain values. Resolvers stay thin and call these.

pub mod figures;
pub(crate) mod lists;

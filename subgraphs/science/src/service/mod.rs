//! The service layer: every SQL statement of the science subgraph lives here, taking a
//! connection and plain values. Resolvers stay thin and call these.

pub(crate) mod lists;
pub(crate) mod mutations;

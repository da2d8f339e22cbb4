//! The service layer: every SQL statement of the disability subgraph lives here, taking a
//! connection and plain values. Resolvers stay thin and call these.

pub(crate) mod batch;
pub(crate) mod figures;
pub(crate) mod lists;
pub(crate) mod region_filter;

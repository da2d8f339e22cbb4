//! The service layer: every SQL statement of the youth subgraph lives here, taking a
//! connection and plain values. Resolvers stay thin and call these.

// The live aggregate over the tables: what the summary must always equal (tests only).
#[cfg(test)]
mod concurrency_tests;
pub(crate) mod events;
#[cfg(test)]
pub(crate) mod figures;
pub(crate) mod lists;
pub(crate) mod mutations;
pub(crate) mod summary;
#[cfg(test)]
mod summary_tests;
pub(crate) mod validate;

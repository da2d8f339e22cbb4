//! The service layer: every SQL query of the unions subgraph. Resolvers stay thin and call
//! these functions (directly or through the dataloaders in `crate::graphql::loaders`).

pub mod activities;
pub mod awards;
#[cfg(test)]
mod concurrency_tests;
pub mod disputes;
pub mod events;
pub mod figures;
pub mod homes;
pub mod organizations;
pub mod people;
#[cfg(test)]
mod summary_tests;
pub mod unions;
pub mod workflow;

// The shared query shapes are the kit's; these names are the ones this crate's services use.
pub(crate) use quntuan_kit::rows::group_by_key;
pub(crate) use quntuan_kit::validate::text as required_text;

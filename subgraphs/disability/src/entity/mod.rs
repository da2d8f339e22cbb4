//! sea-orm models of the disability tables (created by `quntuan-disability-migration`).
//! These are database rows, not the public GraphQL types.

pub mod award;
pub mod organization;
pub mod person;
pub mod service;
pub mod worker;

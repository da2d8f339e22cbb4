//! sea-orm models of the science tables (created by `quntuan-science-migration`). These
//! are database rows, not the public GraphQL types.

pub mod association;
pub mod award;
pub mod event;
pub mod workstation;

//! sea-orm models of the youth tables (created by `quntuan-youth-migration`). These are
//! database rows, not the public GraphQL types.

pub mod activity;
pub mod award;
pub mod branch;
pub mod home;
pub mod service_log;
pub mod social_worker;
pub mod volunteer;

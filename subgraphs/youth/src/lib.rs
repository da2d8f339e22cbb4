//! The youth subgraph (共青团) of the Quntuan federated graph: league branches, youth homes,
//! volunteers and their service hours, social-scene activities, social workers and awards;
//! `Region.youth` figures and what the league runs at the shared service centres.

pub mod entity;
mod graphql;
mod ids;
mod seed;
mod service;

use quntuan_youth_migration::{Migrator, MigratorTrait};

pub use graphql::{
    Mutation, Query, Subscription, YouthSchema, build_schema, build_schema_with_events, sdl,
};
pub use service::lists::{
    YouthActivityFilter, YouthAwardFilter, YouthBranchFilter, YouthHomeFilter,
    YouthServiceLogFilter, YouthSocialWorkerFilter, YouthVolunteerFilter,
};
pub use service::mutations::{LogServiceHoursInput, RecordActivityInput, RegisterVolunteerInput};

quntuan_kit::subgraph_service! {
    /// The youth subgraph, for the `quntuan` CLI and the end-to-end tests.
    Youth: "youth",
    migrator: Migrator,
    seed: seed::seed,
    schema: build_schema,
    schema_with_events: build_schema_with_events,
    sdl: sdl,
}

//! The disability subgraph (残联) of the Quntuan federated graph: grassroots disabled
//! persons' organisations, disability workers, the registry of people with disabilities
//! (the platform's most sensitive data), accessibility services and awards;
//! `Region.disability` figures and the service points at the shared service centres.

pub mod entity;
mod graphql;
mod ids;
mod seed;
pub mod service;

use quntuan_disability_migration::{Migrator, MigratorTrait};

pub use graphql::{DisabilitySchema, Query, build_schema, build_schema_with_events, sdl};
pub use service::lists::{
    DisabilityActivityFilter, DisabilityAwardFilter, DisabilityCategory,
    DisabilityOrganizationFilter, DisabilityWorkerFilter, DisabledPersonFilter,
};

quntuan_kit::subgraph_service! {
    /// The disability subgraph, for the `quntuan` CLI and the end-to-end tests.
    Disability: "disability",
    migrator: Migrator,
    summary: service::figures::SUMMARY,
    seed: seed::seed,
    schema: build_schema,
    sdl: sdl,
}

//! The science subgraph (科协) of the Quntuan federated graph: enterprise science
//! associations, academician/expert innovation workstations, science-popularisation
//! activities and "most beautiful science worker" honours; `Region.science` figures and
//! the activities held at the shared service centres.

pub mod entity;
mod graphql;
mod ids;
mod seed;
mod service;

use quntuan_science_migration::{Migrator, MigratorTrait};

pub use graphql::{Mutation, Query, ScienceSchema, build_schema, build_schema_with_events, sdl};
pub use service::lists::{
    ScienceActivityFilter, ScienceAssociationFilter, ScienceAwardFilter, ScienceWorkstationFilter,
};
pub use service::mutations::RecordScienceActivityInput;

quntuan_kit::subgraph_service! {
    /// The science subgraph, for the `quntuan` CLI and the end-to-end tests.
    Science: "science",
    migrator: Migrator,
    seed: seed::seed,
    schema: build_schema,
    schema_with_events: build_schema_with_events,
    sdl: sdl,
}

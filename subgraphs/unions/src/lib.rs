//! The unions subgraph of the Quntuan federated graph: grassroots unions, workers' homes,
//! labour-dispute cases with their mediation workflow, May Day awards, union social
//! workers, craftsmen and labour-sector social organisations.
//!
//! Layout: `model` (sea-orm entities), `service` (all SQL), `graphql` (types, loaders,
//! resolvers), `seed` (deterministic data), and [`Unions`], the [`quntuan_kit::SubgraphService`] the
//! CLI and the end-to-end tests run.

pub mod graphql;
pub mod model;
pub mod seed;
pub mod service;

use quntuan_unions_migration::{Migrator, MigratorTrait};

quntuan_kit::subgraph_service! {
    /// The unions subgraph (its migrations fill the figures summary themselves).
    Unions: "unions",
    migrator: Migrator,
    seed: seed::seed,
    schema: graphql::build,
    schema_with_events: graphql::build_with_events,
    sdl: graphql::sdl,
}

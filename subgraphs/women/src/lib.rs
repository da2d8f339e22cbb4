//! The women subgraph of the Quntuan federated graph: women's organisations, women's and
//! children's homes, supported social organisations, federation officers, March 8th Red
//! Banner collectives, family-education services, and the rights-assistance record the
//! federation adds to `unions`' labour-dispute cases.
//!
//! Layout: `model` (sea-orm entities), `service` (all SQL), `graphql` (types, loaders,
//! resolvers), `seed` (deterministic data), and [`Women`], the [`quntuan_kit::SubgraphService`] the CLI
//! and the end-to-end tests run.

pub mod graphql;
pub mod model;
pub mod seed;
pub mod service;

use quntuan_women_migration::{Migrator, MigratorTrait};

quntuan_kit::subgraph_service! {
    /// The women subgraph.
    Women: "women",
    migrator: Migrator,
    // A database seeded before the summary existed gets its figures on migrate.
    summary: service::figures::SUMMARY,
    seed: seed::seed,
    schema: graphql::build,
    schema_with_events: graphql::build_with_events,
    sdl: graphql::sdl,
}

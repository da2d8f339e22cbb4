//! The hub subgraph of the Quntuan federated graph: the region hierarchy
//! (`Region @key(fields: "code")`), the shared service centres
//! (`ServiceCenter @key(fields: "id")`), joint meetings and projects, satisfaction ratings,
//! and the shared directory of every organisation's grassroots units, activities and awards.

pub mod directory_feed;
pub mod entities;
pub mod loaders;
pub mod schema;
pub mod seed;
pub mod service;

use quntuan_hub_migration::{Migrator, MigratorTrait};
use quntuan_kit::EventBus;
use sea_orm::DatabaseConnection;

quntuan_kit::subgraph_service! {
    /// The hub subgraph, for the CLI and the end-to-end tests.
    Hub: "hub",
    migrator: Migrator,
    seed: seed::seed,
    schema: schema::build,
    schema_with_events: following_the_directory,
    sdl: schema::sdl,
}

/// The schema serving `db`, with hub following the organisations' directory events on
/// `events` (the follower runs as long as the process; dropping its handle leaves it
/// running).
fn following_the_directory(db: DatabaseConnection, events: EventBus) -> schema::HubSchema {
    directory_feed::follow(db.clone(), &events);
    schema::build(db)
}

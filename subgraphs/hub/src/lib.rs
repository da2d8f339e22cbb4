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

use axum::Router;
use quntuan_hub_migration::{Migrator, MigratorTrait};
use quntuan_kit::{BoxFuture, EventBus, KitError, Progress, Scale, SubgraphService};
use sea_orm::DatabaseConnection;

/// The hub subgraph, for the CLI and the end-to-end tests.
pub struct Hub;

impl SubgraphService for Hub {
    fn name(&self) -> &'static str {
        "hub"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            Migrator::up(db, None)
                .await
                .map_err(|source| KitError::Migrate {
                    subgraph: "hub",
                    source,
                })
        })
    }

    fn seed<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        scale: Scale,
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(seed::seed(db, scale, progress))
    }

    fn router_with_events(&self, db: DatabaseConnection, events: EventBus) -> Router {
        // Runs as long as the process (dropping its handle leaves it running).
        directory_feed::follow(db.clone(), &events);
        quntuan_kit::router(schema::build(db))
    }

    fn sdl(&self) -> String {
        schema::sdl()
    }
}

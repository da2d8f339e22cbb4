//! The unions subgraph of the Quntuan federated graph: grassroots unions, workers' homes,
//! labour-dispute cases with their mediation workflow, May Day awards, union social
//! workers, craftsmen and labour-sector social organisations.
//!
//! Layout: `model` (sea-orm entities), `service` (all SQL), `graphql` (types, loaders,
//! resolvers), `seed` (deterministic data), and [`Unions`], the [`SubgraphService`] the
//! CLI and the end-to-end tests run.

pub mod graphql;
pub mod model;
pub mod seed;
pub mod service;
mod validate;

use axum::Router;
use quntuan_kit::{BoxFuture, EventBus, KitError, Progress, Scale, SubgraphService};
use quntuan_unions_migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;

/// The unions subgraph.
pub struct Unions;

impl SubgraphService for Unions {
    fn name(&self) -> &'static str {
        "unions"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            Migrator::up(db, None)
                .await
                .map_err(|source| KitError::Migrate {
                    subgraph: "unions",
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
        Box::pin(async move {
            seed::seed(db, scale, progress)
                .await
                .map_err(|source| KitError::Seed {
                    subgraph: "unions",
                    context: format!("writing the {scale} data set"),
                    source,
                })
        })
    }

    fn router_with_events(&self, db: DatabaseConnection, events: EventBus) -> Router {
        let options = graphql::SchemaOptions {
            events,
            ..graphql::SchemaOptions::default()
        };
        quntuan_kit::router(graphql::build_with(db, options))
    }

    fn sdl(&self) -> String {
        quntuan_kit::sdl::federation_sdl(&graphql::build_without_db())
    }
}

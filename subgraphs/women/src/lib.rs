//! The women subgraph of the Quntuan federated graph: women's organisations, women's and
//! children's homes, supported social organisations, federation officers, March 8th Red
//! Banner collectives, family-education services, and the rights-assistance record the
//! federation adds to `unions`' labour-dispute cases.
//!
//! Layout: `model` (sea-orm entities), `service` (all SQL), `graphql` (types, loaders,
//! resolvers), `seed` (deterministic data), and [`Women`], the [`SubgraphService`] the CLI
//! and the end-to-end tests run.

pub mod graphql;
pub mod model;
pub mod seed;
pub mod service;

use axum::Router;
use quntuan_kit::{BoxFuture, EventBus, KitError, Progress, Scale, SubgraphService};
use quntuan_women_migration::{Migrator, MigratorTrait};
use sea_orm::DatabaseConnection;

/// The women subgraph.
pub struct Women;

impl SubgraphService for Women {
    fn name(&self) -> &'static str {
        "women"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            let failed = |source| KitError::Migrate {
                subgraph: "women",
                source,
            };
            Migrator::up(db, None).await.map_err(failed)?;
            // A database seeded before the summary existed gets its figures now.
            service::figures::SUMMARY
                .fill_if_empty(db)
                .await
                .map_err(failed)
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
                    subgraph: "women",
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

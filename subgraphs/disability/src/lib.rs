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
use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::{BoxFuture, KitError, Progress, Scale, SubgraphService};

pub use graphql::{DisabilitySchema, Query, build_schema, sdl};
pub use service::lists::{
    DisabilityActivityFilter, DisabilityAwardFilter, DisabilityCategory,
    DisabilityOrganizationFilter, DisabilityWorkerFilter, DisabledPersonFilter,
};

/// The disability subgraph, for the `quntuan` CLI and the end-to-end tests.
pub struct Disability;

impl SubgraphService for Disability {
    fn name(&self) -> &'static str {
        "disability"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            let failed = |source| KitError::Migrate {
                subgraph: "disability",
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
        Box::pin(seed::seed(db, scale, progress))
    }

    fn router(&self, db: DatabaseConnection) -> axum::Router {
        quntuan_kit::router(build_schema(db))
    }

    fn sdl(&self) -> String {
        sdl()
    }
}

//! The science subgraph (科协) of the Quntuan federated graph: enterprise science
//! associations, academician/expert innovation workstations, science-popularisation
//! activities and "most beautiful science worker" honours; `Region.science` figures and
//! the activities held at the shared service centres.

pub mod entity;
mod graphql;
mod ids;
mod seed;
mod service;

use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::{BoxFuture, KitError, Progress, Scale, SubgraphService};
use quntuan_science_migration::{Migrator, MigratorTrait};

pub use graphql::{Mutation, Query, ScienceSchema, build_schema, sdl};
pub use service::lists::{
    ScienceActivityFilter, ScienceAssociationFilter, ScienceAwardFilter, ScienceWorkstationFilter,
};
pub use service::mutations::RecordScienceActivityInput;

/// The science subgraph, for the `quntuan` CLI and the end-to-end tests.
pub struct Science;

impl SubgraphService for Science {
    fn name(&self) -> &'static str {
        "science"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            Migrator::up(db, None)
                .await
                .map_err(|source| KitError::Migrate {
                    subgraph: "science",
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

    fn router(&self, db: DatabaseConnection) -> axum::Router {
        quntuan_kit::router(build_schema(db))
    }

    fn sdl(&self) -> String {
        sdl()
    }
}

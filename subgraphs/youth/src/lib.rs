//! The youth subgraph (共青团) of the Quntuan federated graph: league branches, youth homes,
//! volunteers and their service hours, social-scene activities, social workers and awards;
//! `Region.youth` figures and what the league runs at the shared service centres.

pub mod entity;
mod graphql;
mod ids;
mod seed;
mod service;

use quntuan_kit::reexports::sea_orm::DatabaseConnection;
use quntuan_kit::{BoxFuture, KitError, Progress, Scale, SubgraphService};
use quntuan_youth_migration::{Migrator, MigratorTrait};

pub use graphql::{Mutation, Query, YouthSchema, build_schema, sdl};
pub use service::lists::{
    YouthActivityFilter, YouthAwardFilter, YouthBranchFilter, YouthHomeFilter,
    YouthServiceLogFilter, YouthSocialWorkerFilter, YouthVolunteerFilter,
};
pub use service::mutations::{LogServiceHoursInput, RecordActivityInput, RegisterVolunteerInput};

/// The youth subgraph, for the `quntuan` CLI and the end-to-end tests.
pub struct Youth;

impl SubgraphService for Youth {
    fn name(&self) -> &'static str {
        "youth"
    }

    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>> {
        Box::pin(async move {
            Migrator::up(db, None)
                .await
                .map_err(|source| KitError::Migrate {
                    subgraph: "youth",
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

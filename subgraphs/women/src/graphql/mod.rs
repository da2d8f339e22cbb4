//! The GraphQL layer: schema assembly, types wrapping the database models, thin resolvers.

pub mod center;
pub mod directory;
pub mod dispute;
pub mod loaders;
pub mod mutation;
pub mod officers;
pub mod places;
pub mod query;
pub mod region;
mod subscription;

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Schema};
use quntuan_kit::EventBus;
pub use quntuan_kit::clock::{Clock, SchemaOptions};
pub(crate) use quntuan_kit::subgraph_schema::db;
use quntuan_kit::subgraph_schema::{self, builder};
use quntuan_kit::summary::SummaryFigures;
use sea_orm::DatabaseConnection;

use crate::service::figures::SUMMARY;

use loaders::WomenLoader;
use mutation::Mutation;
use query::Query;
pub use subscription::Subscription;

pub type WomenSchema = Schema<Query, Mutation, Subscription>;

/// The schema serving `db`, with the system clock.
pub fn build(db: DatabaseConnection) -> WomenSchema {
    build_with(db, SchemaOptions::default())
}

/// The schema serving `db`, publishing and subscribing on `events`.
pub fn build_with_events(db: DatabaseConnection, events: EventBus) -> WomenSchema {
    build_with(
        db,
        SchemaOptions {
            events,
            ..SchemaOptions::default()
        },
    )
}

/// The schema serving `db` with the given options.
pub fn build_with(db: DatabaseConnection, options: SchemaOptions) -> WomenSchema {
    let loader = quntuan_kit::dataloader(WomenLoader { db: db.clone() });
    let figures = quntuan_kit::dataloader(SummaryFigures::new(&db, &SUMMARY));
    builder(db, options).data(loader).data(figures).finish()
}

/// The federation SDL, exactly as `_service { sdl }` serves it.
pub fn sdl() -> String {
    subgraph_schema::sdl::<Query, Mutation, Subscription>()
}

pub(crate) fn loader<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a DataLoader<WomenLoader>> {
    ctx.data::<DataLoader<WomenLoader>>()
}

/// The personal-data scope of the women's federation.
pub(crate) const PERSONAL: &str = "women:personal";

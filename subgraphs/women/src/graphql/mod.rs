//! The GraphQL layer: schema assembly, types wrapping the database models, thin resolvers.

pub mod center;
pub mod directory;
pub mod dispute;
pub mod loaders;
pub mod mutation;
pub mod officers;
pub mod organization;
pub mod places;
pub mod query;
pub mod region;
mod subscription;

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, Schema};

pub use quntuan_kit::clock::{Clock, SchemaOptions};
use sea_orm::DatabaseConnection;

use loaders::WomenLoader;
use mutation::Mutation;
use query::Query;
pub use subscription::Subscription;

pub type WomenSchema = Schema<Query, Mutation, Subscription>;

/// The schema serving `db`, with the system clock.
pub fn build(db: DatabaseConnection) -> WomenSchema {
    build_with(db, SchemaOptions::default())
}

/// The schema serving `db` with the given options.
pub fn build_with(db: DatabaseConnection, options: SchemaOptions) -> WomenSchema {
    let loader = quntuan_kit::dataloader(WomenLoader { db: db.clone() });
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .enable_federation()
        .enable_subscription_in_federation()
        .extension(quntuan_kit::Batching)
        .data(loader)
        .data(db)
        .data(options.clock)
        .data(options.events)
        .finish()
}

/// The schema without data, to print its SDL (which does not depend on the data).
pub fn build_without_db() -> WomenSchema {
    Schema::build(Query::default(), Mutation::default(), Subscription)
        .enable_federation()
        .enable_subscription_in_federation()
        .finish()
}

pub(crate) fn db<'a>(ctx: &'a Context<'_>) -> async_graphql::Result<&'a DatabaseConnection> {
    ctx.data::<DatabaseConnection>()
}

pub(crate) fn loader<'a>(
    ctx: &'a Context<'_>,
) -> async_graphql::Result<&'a DataLoader<WomenLoader>> {
    ctx.data::<DataLoader<WomenLoader>>()
}

/// The personal-data scope of the women's federation.
pub(crate) const PERSONAL: &str = "women:personal";

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

use async_graphql::dataloader::DataLoader;
use async_graphql::{Context, EmptySubscription, Schema};

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use loaders::WomenLoader;
use mutation::Mutation;
use query::Query;

/// How a schema is built beyond its database.
#[derive(Clone, Copy, Debug)]
pub struct SchemaOptions {
    pub clock: Clock,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            clock: Clock::System,
        }
    }
}

pub type WomenSchema = Schema<Query, Mutation, EmptySubscription>;

/// Where mutations take "now" from: the system clock, or a fixed instant in tests so
/// whole responses can be asserted.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    System,
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => at,
        }
    }
}

/// The schema serving `db`, with the system clock.
pub fn build(db: DatabaseConnection) -> WomenSchema {
    build_with(db, SchemaOptions::default())
}

/// The schema serving `db` with the given options.
pub fn build_with(db: DatabaseConnection, options: SchemaOptions) -> WomenSchema {
    let loader = quntuan_kit::dataloader(WomenLoader { db: db.clone() });
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .enable_federation()
        .extension(quntuan_kit::Batching)
        .data(loader)
        .data(db)
        .data(options.clock)
        .finish()
}

/// The schema without data, to print its SDL (which does not depend on the data).
pub fn build_without_db() -> WomenSchema {
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .enable_federation()
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

pub(crate) fn clock(ctx: &Context<'_>) -> Clock {
    ctx.data_opt::<Clock>().copied().unwrap_or(Clock::System)
}

/// The personal-data scope of the women's federation.
pub(crate) const PERSONAL: &str = "women:personal";

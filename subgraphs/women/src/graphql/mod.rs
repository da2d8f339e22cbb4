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
use std::time::Duration;

use chrono::{DateTime, Utc};
use sea_orm::DatabaseConnection;

use loaders::WomenLoader;
use mutation::Mutation;
use query::Query;

/// How long the dataloader collects keys before it runs a batch. async-graphql's default
/// (1 ms) is shorter than resolving a few hundred sibling fields can take on a busy machine,
/// which splits one logical batch into several statements; a few milliseconds keeps a
/// response level in one batch at a small latency cost.
pub const BATCH_WINDOW: Duration = Duration::from_millis(5);

/// How a schema is built beyond its database.
#[derive(Clone, Copy, Debug)]
pub struct SchemaOptions {
    pub clock: Clock,
    /// The dataloader's batch window (see [`BATCH_WINDOW`]).
    pub batch_window: Duration,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            clock: Clock::System,
            batch_window: BATCH_WINDOW,
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
    let loader =
        DataLoader::new(WomenLoader { db: db.clone() }, tokio::spawn).delay(options.batch_window);
    Schema::build(Query::default(), Mutation::default(), EmptySubscription)
        .enable_federation()
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

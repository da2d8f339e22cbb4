//! The hub's GraphQL schema: types and thin resolvers over `service` and `loaders`.

pub mod center;
pub mod coordination;
pub mod directory;
pub mod entities;
pub mod query;
pub mod rating;
pub mod region;

use async_graphql::{Context, EmptySubscription, Schema, SchemaBuilder};
use sea_orm::DatabaseConnection;

use crate::loaders::Loaders;

pub use query::{Mutation, Query};
pub use quntuan_kit::organization::Organization;
pub use region::Region;

pub type HubSchema = Schema<Query, Mutation, EmptySubscription>;

/// The schema serving `db`.
pub fn build(db: DatabaseConnection) -> HubSchema {
    builder()
        .extension(quntuan_kit::Batching)
        .data(Loaders::new(&db))
        .data(db)
        .finish()
}

/// The federation SDL exactly as `_service { sdl }` serves it (needs no database).
pub fn sdl() -> String {
    quntuan_kit::sdl::federation_sdl(&builder().finish())
}

fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation, EmptySubscription).enable_federation()
}

/// A value of a stored vocabulary read back (`None` when the text is not one of its
/// values): unknown text in hub's own tables is an `INTERNAL` error naming what was read.
pub(crate) fn known<T>(value: Option<T>, what: &str, stored: &str) -> async_graphql::Result<T> {
    value.ok_or_else(|| {
        let operation = format!("reading a {what}");
        quntuan_kit::ApiError::internal(&operation, format!("unknown value `{stored}`")).into()
    })
}

pub(crate) fn db<'a>(ctx: &'a Context<'_>) -> async_graphql::Result<&'a DatabaseConnection> {
    ctx.data::<DatabaseConnection>()
}

pub(crate) fn loaders<'a>(ctx: &'a Context<'_>) -> async_graphql::Result<&'a Loaders> {
    ctx.data::<Loaders>()
}

//! The GraphQL surface of the science subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod mutation;
mod objects;
mod query;
mod region;

use async_graphql::{Context, EmptySubscription, Schema, SchemaBuilder};
use quntuan_kit::organization::{self, Organization};
use quntuan_kit::{ApiError, ApiResult};
use sea_orm::DatabaseConnection;

pub(crate) use loaders::Loaders;
pub use mutation::Mutation;
pub use query::Query;

/// The science subgraph's schema.
pub type ScienceSchema = Schema<Query, Mutation, EmptySubscription>;

/// What every resolver reaches through the context.
pub(crate) struct AppData {
    pub(crate) db: DatabaseConnection,
    pub(crate) loaders: Loaders,
}

/// Builds the schema serving `db` (federation enabled), its events on a bus of its own.
pub fn build_schema(db: DatabaseConnection) -> ScienceSchema {
    build_schema_with_events(db, quntuan_kit::EventBus::in_process())
}

/// Builds the schema serving `db`, publishing its directory events on `events`.
pub fn build_schema_with_events(
    db: DatabaseConnection,
    events: quntuan_kit::EventBus,
) -> ScienceSchema {
    let loaders = Loaders::new(&db);
    builder()
        .extension(quntuan_kit::Batching)
        .data(AppData { db, loaders })
        .data(events)
        .finish()
}

/// The federation SDL, exactly as `_service { sdl }` serves it.
pub fn sdl() -> String {
    quntuan_kit::sdl::federation_sdl(&builder().finish())
}

fn builder() -> SchemaBuilder<Query, Mutation, EmptySubscription> {
    Schema::build(Query::default(), Mutation, EmptySubscription)
        .enable_federation()
        .override_output_type_description::<Organization>(organization::SAME_AS_HUB)
}

pub(crate) fn app<'a>(ctx: &Context<'a>) -> ApiResult<&'a AppData> {
    ctx.data::<AppData>()
        .map_err(|e| ApiError::internal("reading the schema data", e.message))
}

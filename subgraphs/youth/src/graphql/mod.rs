//! The GraphQL surface of the youth subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod mutation;
mod objects;
mod query;
mod region;
mod subscription;

use async_graphql::{Context, Schema, SchemaBuilder};
use quntuan_kit::organization::{self, Organization};
use quntuan_kit::{ApiError, ApiResult, EventBus};
use sea_orm::DatabaseConnection;

pub(crate) use loaders::Loaders;
pub use mutation::Mutation;
pub use query::Query;
pub use subscription::Subscription;

/// The youth subgraph's schema.
pub type YouthSchema = Schema<Query, Mutation, Subscription>;

/// What every resolver reaches through the context.
pub(crate) struct AppData {
    pub(crate) db: DatabaseConnection,
    pub(crate) loaders: Loaders,
}

/// Builds the schema serving `db` (federation enabled), its events on a bus of its own.
pub fn build_schema(db: DatabaseConnection) -> YouthSchema {
    build_schema_with_events(db, EventBus::in_process())
}

/// Builds the schema serving `db`, publishing and subscribing on `events`.
pub fn build_schema_with_events(db: DatabaseConnection, events: EventBus) -> YouthSchema {
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

fn builder() -> SchemaBuilder<Query, Mutation, Subscription> {
    Schema::build(Query::default(), Mutation, Subscription)
        .enable_federation()
        .enable_subscription_in_federation()
        .override_output_type_description::<Organization>(organization::SAME_AS_HUB)
}

pub(crate) fn app<'a>(ctx: &Context<'a>) -> ApiResult<&'a AppData> {
    ctx.data::<AppData>()
        .map_err(|e| ApiError::internal("reading the schema data", e.message))
}

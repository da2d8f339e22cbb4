//! The GraphQL surface of the disability subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod objects;
mod query;
mod region;

use async_graphql::{Context, EmptyMutation, EmptySubscription, Schema, SchemaBuilder};
use quntuan_kit::organization::{self, Organization};
use quntuan_kit::{ApiError, ApiResult};
use sea_orm::DatabaseConnection;

pub(crate) use loaders::Loaders;
pub use query::Query;

/// The disability subgraph's schema.
pub type DisabilitySchema = Schema<Query, EmptyMutation, EmptySubscription>;

/// What every resolver reaches through the context.
pub(crate) struct AppData {
    pub(crate) db: DatabaseConnection,
    pub(crate) loaders: Loaders,
}

/// Builds the schema serving `db` (federation enabled).
pub fn build_schema(db: DatabaseConnection) -> DisabilitySchema {
    let loaders = Loaders::new(&db);
    builder()
        .extension(quntuan_kit::Batching)
        .data(AppData { db, loaders })
        .finish()
}

/// The federation SDL, exactly as `_service { sdl }` serves it.
pub fn sdl() -> String {
    quntuan_kit::sdl::federation_sdl(&builder().finish())
}

fn builder() -> SchemaBuilder<Query, EmptyMutation, EmptySubscription> {
    Schema::build(Query::default(), EmptyMutation, EmptySubscription)
        .enable_federation()
        .override_output_type_description::<Organization>(organization::SAME_AS_HUB)
}

pub(crate) fn app<'a>(ctx: &Context<'a>) -> ApiResult<&'a AppData> {
    ctx.data::<AppData>()
        .map_err(|e| ApiError::internal("reading the schema data", e.message))
}

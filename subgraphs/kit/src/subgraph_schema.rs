//! The schema an organisation subgraph serves, built the same way for every crate:
//! federation on (with its `Subscription` type in `_service { sdl }`), the kit's
//! [`Batching`], and the data its resolvers reach through the context: the database, the
//! [`Clock`](crate::clock::Clock) and the [`EventBus`](crate::EventBus) of
//! [`SchemaOptions`]. The crate adds its own data (its loaders) and finishes it. Its
//! resolvers take the database with [`db`] and one record by key with [`load_one`].
//!
//! ```ignore
//! pub fn build_with(db: DatabaseConnection, options: SchemaOptions) -> UnionsSchema {
//!     let loader = quntuan_kit::dataloader(UnionsLoader { db: db.clone() });
//!     subgraph_schema::builder(db, options).data(loader).finish()
//! }
//!
//! pub fn sdl() -> String {
//!     subgraph_schema::sdl::<Query, Mutation, Subscription>()
//! }
//! ```

use std::hash::Hash;

use async_graphql::dataloader::{DataLoader, Loader};
use async_graphql::{Context, ObjectType, Schema, SchemaBuilder, SubscriptionType};
use sea_orm::DatabaseConnection;

use crate::clock::SchemaOptions;
use crate::loader::Batching;

/// The schema of `Q`, `M` and `S` serving `db` with `options`, ready for the crate's own
/// `.data(..)` and `.finish()`.
pub fn builder<Q, M, S>(db: DatabaseConnection, options: SchemaOptions) -> SchemaBuilder<Q, M, S>
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
{
    without_data::<Q, M, S>()
        .extension(Batching)
        .data(db)
        .data(options.clock)
        .data(options.events)
}

/// The federation SDL of the schema of `Q`, `M` and `S`, exactly as `_service { sdl }`
/// serves it (printed from the schema without data, which the SDL does not depend on).
pub fn sdl<Q, M, S>() -> String
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
{
    crate::sdl::federation_sdl(&without_data::<Q, M, S>().finish())
}

/// The database the schema serves, for a resolver.
pub fn db<'a>(ctx: &Context<'a>) -> async_graphql::Result<&'a DatabaseConnection> {
    ctx.data::<DatabaseConnection>()
}

/// The record `loader` answers for `key`, wrapped as its GraphQL type (`None` when there is
/// none): `load_one(loader(ctx)?, UnionById(id.0), GrassrootsUnion)`. The one-record
/// companion of [`crate::load_list`].
pub async fn load_one<K, T, W, L>(
    loader: &DataLoader<L>,
    key: K,
    wrap: impl FnOnce(T) -> W,
) -> Result<Option<W>, L::Error>
where
    K: Send + Sync + Hash + Eq + Clone + 'static,
    L: Loader<K, Value = T>,
{
    Ok(loader.load_one(key).await?.map(wrap))
}

fn without_data<Q, M, S>() -> SchemaBuilder<Q, M, S>
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
{
    Schema::build(Q::default(), M::default(), S::default())
        .enable_federation()
        .enable_subscription_in_federation()
}

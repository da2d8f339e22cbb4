//! The schema an organisation subgraph serves, built the same way for every crate:
//! federation on (with its `Subscription` type in `_service { sdl }`), the kit's
//! [`Batching`], and the data its resolvers reach through the context: the database, the
//! [`Clock`](crate::clock::Clock) and the [`EventBus`](crate::EventBus) of
//! [`SchemaOptions`]. The crate adds its own data (its loaders) and finishes it. Its
//! resolvers take the database with [`db`], one record by key with [`load_one`] and the
//! author of a write with [`author`].
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

/// The subject recorded as the author of a write: writes need a signed-in caller (a bearer
/// token with `sub`), so every recorded step names who made it; `FORBIDDEN` otherwise.
pub fn author(ctx: &Context<'_>) -> crate::ApiResult<String> {
    crate::auth::caller(ctx).subject.clone().ok_or_else(|| {
        crate::ApiError::forbidden(
            "this mutation needs a signed-in caller (a bearer token with `sub`)",
        )
    })
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

/// What the resolvers of a subgraph with a struct of loaders (youth, science, disability)
/// reach through the context: the database and the loaders over it. See
/// [`loaders_entry_points!`](crate::loaders_entry_points).
pub struct AppData<L> {
    pub db: DatabaseConnection,
    pub loaders: L,
}

/// The schema of `Q`, `M` and `S` serving `db` with the loaders `loaders(&db)` as
/// [`AppData`], publishing (and subscribing) on `events`.
pub fn build_with_loaders<Q, M, S, L>(
    db: DatabaseConnection,
    events: crate::EventBus,
    loaders: impl FnOnce(&DatabaseConnection) -> L,
) -> Schema<Q, M, S>
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
    L: Send + Sync + 'static,
{
    let loaders = loaders(&db);
    described_like_hub::<Q, M, S>()
        .extension(Batching)
        .data(AppData { db, loaders })
        .data(events)
        .finish()
}

/// The federation SDL of a schema [`build_with_loaders`] builds.
pub fn sdl_with_loaders<Q, M, S>() -> String
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
{
    crate::sdl::federation_sdl(&described_like_hub::<Q, M, S>().finish())
}

/// The [`AppData`] of a schema [`build_with_loaders`] built, for a resolver.
pub fn app_data<'a, L: Send + Sync + 'static>(
    ctx: &Context<'a>,
) -> crate::ApiResult<&'a AppData<L>> {
    ctx.data::<AppData<L>>()
        .map_err(|e| crate::ApiError::internal("reading the schema data", e.message))
}

/// The schema without data, its `Organization` described as the same values as hub's (the
/// organisations whose directory types hub lists as its own).
fn described_like_hub<Q, M, S>() -> SchemaBuilder<Q, M, S>
where
    Q: ObjectType + Default + 'static,
    M: ObjectType + Default + 'static,
    S: SubscriptionType + Default + 'static,
{
    use crate::organization::{Organization, SAME_AS_HUB};
    without_data::<Q, M, S>().override_output_type_description::<Organization>(SAME_AS_HUB)
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

/// Lookups by text id through the crate's loader of [`string_key_loaders!`]
/// (`null` when no row has the id), as an object to merge into the root query
/// (`#[derive(MergedObject, Default)] pub struct Query(ListQuery, EntityQuery)`). An entry
/// with `#[graphql(entity)]` is a federation entity resolver (`_entities`); the others are
/// query fields. A block at the end holds the crate's other lookups as they are written.
/// The object also resolves hub's entities the subgraph extends: the crate's
/// `Region { code }` and `ServiceCenter::new(id)`.
///
/// ```ignore
/// quntuan_kit::string_key_lookups! {
///     EntityQuery, loader: super::loader, extends Region and ServiceCenter;
///     grassroots_union => GrassrootsUnion, UnionById;
///     #[graphql(entity)]
///     find_grassroots_union_by_id => GrassrootsUnion, UnionById;
/// }
/// ```
///
/// [`string_key_loaders!`]: crate::string_key_loaders
#[macro_export]
macro_rules! string_key_lookups {
    (
        $(#[$meta:meta])* $name:ident, loader: $loader:path, extends $region:ident and $center:ident;
        $( $(#[$field_meta:meta])* $field:ident => $ty:ident, $key:ident; )*
        $({ $($extra:tt)* })?
    ) => {
        $(#[$meta])*
        #[derive(Default)]
        pub struct $name;

        #[$crate::reexports::async_graphql::Object]
        impl $name {
            $(
                $(#[$field_meta])*
                async fn $field(
                    &self,
                    ctx: &$crate::reexports::async_graphql::Context<'_>,
                    id: $crate::reexports::async_graphql::ID,
                ) -> $crate::reexports::async_graphql::Result<Option<$ty>> {
                    Ok($crate::subgraph_schema::load_one($loader(ctx)?, $key(id.0), $ty).await?)
                }
            )*

            $($($extra)*)?

            /// hub's regions, extended with the organisation's figures.
            #[graphql(entity)]
            async fn find_region_by_code(&self, code: String) -> $region {
                $region { code }
            }

            /// hub's service centres, extended with what the organisation runs there.
            #[graphql(entity)]
            async fn find_service_center_by_id(
                &self,
                id: $crate::reexports::async_graphql::ID,
            ) -> $center {
                $center::new(id.0)
            }
        }
    };
}

/// The entry points of a subgraph whose resolvers share one loader
/// ([`string_key_loaders!`](crate::string_key_loaders)) and read their region figures from a
/// [`Summary`](crate::summary::Summary): the schema type, `build(db)`,
/// `build_with_events(db, events)`, `build_with(db, options)` (each serving `db` with the
/// kit's [`builder`], the loader and the summary's figures as data), `sdl()`, and
/// `loader(ctx)` for its resolvers. A macro because they are the crate's own public items
/// over its own types; each is what the crate would write by hand.
///
/// ```ignore
/// quntuan_kit::schema_entry_points! {
///     pub type UnionsSchema = Schema<Query, Mutation, Subscription>;
///     loader: UnionsLoader, summary: SUMMARY;
/// }
/// ```
#[macro_export]
macro_rules! schema_entry_points {
    (
        $(#[$meta:meta])*
        pub type $schema:ident = Schema<$query:ty, $mutation:ty, $subscription:ty>;
        loader: $loader:ident, summary: $summary:path;
    ) => {
        $(#[$meta])*
        pub type $schema = $crate::reexports::async_graphql::Schema<$query, $mutation, $subscription>;

        /// The schema serving `db`, with the system clock.
        pub fn build(db: $crate::reexports::sea_orm::DatabaseConnection) -> $schema {
            build_with(db, $crate::clock::SchemaOptions::default())
        }

        /// The schema serving `db`, publishing and subscribing on `events`.
        pub fn build_with_events(
            db: $crate::reexports::sea_orm::DatabaseConnection,
            events: $crate::EventBus,
        ) -> $schema {
            let options = $crate::clock::SchemaOptions {
                events,
                ..$crate::clock::SchemaOptions::default()
            };
            build_with(db, options)
        }

        /// The schema serving `db` with the given options.
        pub fn build_with(
            db: $crate::reexports::sea_orm::DatabaseConnection,
            options: $crate::clock::SchemaOptions,
        ) -> $schema {
            let loader = $crate::dataloader($loader { db: db.clone() });
            let figures = $crate::dataloader($crate::summary::SummaryFigures::new(&db, &$summary));
            $crate::subgraph_schema::builder(db, options).data(loader).data(figures).finish()
        }

        /// The federation SDL, exactly as `_service { sdl }` serves it.
        pub fn sdl() -> String {
            $crate::subgraph_schema::sdl::<$query, $mutation, $subscription>()
        }

        /// The loader every resolver of the subgraph batches through.
        pub(crate) fn loader<'a>(
            ctx: &$crate::reexports::async_graphql::Context<'a>,
        ) -> $crate::reexports::async_graphql::Result<
            &'a $crate::reexports::async_graphql::dataloader::DataLoader<$loader>,
        > {
            ctx.data::<$crate::reexports::async_graphql::dataloader::DataLoader<$loader>>()
        }
    };
}

/// The entry points of a subgraph whose resolvers reach a struct of loaders
/// ([`loaders!`](crate::loaders)) through [`AppData`]: the schema type, `build_schema(db)`
/// (its events on a bus of its own), `build_schema_with_events(db, events)`, `sdl()` and
/// `app(ctx)` for its resolvers, each what the crate would write by hand over
/// [`build_with_loaders`], [`sdl_with_loaders`] and [`app_data`].
///
/// ```ignore
/// quntuan_kit::loaders_entry_points! {
///     /// The science subgraph's schema.
///     pub type ScienceSchema = Schema<Query, Mutation, EmptySubscription>;
///     loaders: Loaders;
/// }
/// ```
#[macro_export]
macro_rules! loaders_entry_points {
    (
        $(#[$meta:meta])*
        pub type $schema:ident = Schema<$query:ty, $mutation:ty, $subscription:ty>;
        loaders: $loaders:ident;
    ) => {
        $(#[$meta])*
        pub type $schema = $crate::reexports::async_graphql::Schema<$query, $mutation, $subscription>;

        /// Builds the schema serving `db` (federation enabled), its events on a bus of its own.
        pub fn build_schema(db: $crate::reexports::sea_orm::DatabaseConnection) -> $schema {
            build_schema_with_events(db, $crate::EventBus::in_process())
        }

        /// Builds the schema serving `db`, publishing (and subscribing) on `events`.
        pub fn build_schema_with_events(
            db: $crate::reexports::sea_orm::DatabaseConnection,
            events: $crate::EventBus,
        ) -> $schema {
            $crate::subgraph_schema::build_with_loaders(db, events, $loaders::new)
        }

        /// The federation SDL, exactly as `_service { sdl }` serves it.
        pub fn sdl() -> String {
            $crate::subgraph_schema::sdl_with_loaders::<$query, $mutation, $subscription>()
        }

        /// The database and loaders every resolver reaches.
        pub(crate) fn app<'a>(
            ctx: &$crate::reexports::async_graphql::Context<'a>,
        ) -> $crate::ApiResult<&'a $crate::subgraph_schema::AppData<$loaders>> {
            $crate::subgraph_schema::app_data(ctx)
        }
    };
}

/// The `Subscription` root of a subgraph whose one subscription follows a topic of events
/// about records in a region ([`subscribe_in_region`](crate::events::subscribe_in_region)):
/// the field takes `regionCode` (every region without it) and answers each event with what
/// the closure loads, e.g. the record it names as the caller may see it. The name before
/// the field's parentheses is the resolver's context, for the database expression.
///
/// ```ignore
/// quntuan_kit::region_subscription! {
///     /// Rights assistance recorded in the region `regionCode` and below.
///     rights_assistance_recorded(ctx) -> RightsAssistance = db(ctx)?, ASSISTANCE_TOPIC,
///         |db, recorded: AssistanceRecorded| async move { .. };
/// }
/// ```
#[macro_export]
macro_rules! region_subscription {
    (
        $(#[$doc:meta])*
        $field:ident($ctx:ident) -> $item:ty = $db:expr, $topic:expr, $load:expr;
    ) => {
        #[derive(Default)]
        pub struct Subscription;

        #[$crate::reexports::async_graphql::Subscription]
        impl Subscription {
            $(#[$doc])*
            async fn $field(
                &self,
                $ctx: &$crate::reexports::async_graphql::Context<'_>,
                region_code: Option<String>,
            ) -> $crate::reexports::async_graphql::Result<
                impl $crate::reexports::async_graphql::futures_util::Stream<
                    Item = $crate::reexports::async_graphql::Result<$item>,
                > + use<>,
            > {
                $crate::events::subscribe_in_region($ctx, $db, $topic, region_code, $load)
            }
        }
    };
}

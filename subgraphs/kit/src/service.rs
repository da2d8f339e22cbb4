//! The trait every subgraph crate implements, so the CLI and end-to-end tests treat all
//! six alike.

use std::future::Future;
use std::pin::Pin;

use axum::Router;
use sea_orm::DatabaseConnection;

use crate::error::KitError;
use crate::events::EventBus;
use crate::scale::Scale;
use crate::seed::Progress;

/// A boxed future, so the trait stays object safe (`&dyn SubgraphService`).
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// One subgraph: `pub struct Youth;` implementing this.
pub trait SubgraphService: Send + Sync {
    /// `hub`, `unions`, `youth`, `women`, `science` or `disability`.
    fn name(&self) -> &'static str;

    /// Applies all pending migrations.
    fn migrate<'a>(&'a self, db: &'a DatabaseConnection) -> BoxFuture<'a, Result<(), KitError>>;

    /// Fills a migrated, empty database with the deterministic data of `scale`.
    fn seed<'a>(
        &'a self,
        db: &'a DatabaseConnection,
        scale: Scale,
        progress: &'a Progress,
    ) -> BoxFuture<'a, Result<(), KitError>>;

    /// The HTTP router (`/graphql`, `/health`) serving this subgraph from `db`, its
    /// mutations publishing on a bus of its own (tests of one subgraph).
    fn router(&self, db: DatabaseConnection) -> Router {
        self.router_with_events(db, EventBus::in_process())
    }

    /// The same router publishing and subscribing on `events`: the bus every subgraph of a
    /// process shares (`quntuan dev`, the end-to-end tests), or Redis shared by replicas.
    fn router_with_events(&self, db: DatabaseConnection, events: EventBus) -> Router;

    /// The federation SDL exactly as `_service { sdl }` serves it.
    fn sdl(&self) -> String;
}

/// `pub struct Name;` implementing [`SubgraphService`] the usual way: migrations by the
/// crate's `Migrator` (then, when a `summary` is named, its per-region figures filled if a
/// database seeded before the summary existed has none), the crate's seed, its schema
/// served by [`crate::router`] (the schema built from the database and the event bus) and
/// its SDL. `MigratorTrait` must be in scope.
///
/// ```ignore
/// quntuan_kit::subgraph_service! {
///     /// The sample subgraph, for the `quntuan` CLI and the tests.
///     Sample: "sample",
///     migrator: Migrator,
///     summary: service::SUMMARY,
///     seed: seed::seed,
///     schema: build_schema,
///     // Optional: fn(DatabaseConnection, EventBus) -> Schema, for a subgraph that
///     // publishes events or serves subscriptions.
///     schema_with_events: build_schema_with_events,
///     sdl: sdl,
/// }
/// ```
#[macro_export]
macro_rules! subgraph_service {
    (
        $(#[$doc:meta])* $ty:ident: $name:literal,
        migrator: $migrator:ty,
        $(summary: $summary:expr,)?
        seed: $seed:path,
        schema: $schema:path,
        $(schema_with_events: $with_events:path,)?
        sdl: $sdl:path $(,)?
    ) => {
        $(#[$doc])*
        pub struct $ty;

        impl $crate::SubgraphService for $ty {
            fn name(&self) -> &'static str {
                $name
            }

            fn migrate<'a>(
                &'a self,
                db: &'a $crate::reexports::sea_orm::DatabaseConnection,
            ) -> $crate::BoxFuture<'a, Result<(), $crate::KitError>> {
                Box::pin(async move {
                    let failed = |source| $crate::KitError::Migrate {
                        subgraph: $name,
                        source,
                    };
                    <$migrator>::up(db, None).await.map_err(failed)?;
                    $($summary.fill_if_empty(db).await.map_err(failed)?;)?
                    Ok(())
                })
            }

            fn seed<'a>(
                &'a self,
                db: &'a $crate::reexports::sea_orm::DatabaseConnection,
                scale: $crate::Scale,
                progress: &'a $crate::Progress,
            ) -> $crate::BoxFuture<'a, Result<(), $crate::KitError>> {
                Box::pin($seed(db, scale, progress))
            }

            fn router_with_events(
                &self,
                db: $crate::reexports::sea_orm::DatabaseConnection,
                events: $crate::EventBus,
            ) -> $crate::reexports::axum::Router {
                $crate::subgraph_service!(@router $schema, [$($with_events)?], db, events)
            }

            fn sdl(&self) -> String {
                $sdl()
            }
        }
    };
    // A subgraph that publishes no events and serves no subscriptions ignores the bus.
    (@router $schema:path, [], $db:ident, $events:ident) => {{
        let _ = $events;
        $crate::router($schema($db))
    }};
    (@router $schema:path, [$with_events:path], $db:ident, $events:ident) => {
        $crate::router($with_events($db, $events))
    };
}

//! The trait every subgraph crate implements, so the CLI and end-to-end tests treat all
//! six alike.

use std::future::Future;
use std::pin::Pin;

use axum::Router;
use sea_orm::DatabaseConnection;

use crate::error::KitError;
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

    /// The HTTP router (`/graphql`, `/health`) serving this subgraph from `db`.
    fn router(&self, db: DatabaseConnection) -> Router;

    /// The federation SDL exactly as `_service { sdl }` serves it.
    fn sdl(&self) -> String;
}

/// `pub struct Name;` implementing [`SubgraphService`] the usual way: migrations by the
/// crate's `Migrator` (then, when a `summary` is named, its per-region figures filled if a
/// database seeded before the summary existed has none), the crate's seed, its schema
/// served by [`crate::router`] and its SDL. `MigratorTrait` must be in scope.
///
/// ```ignore
/// quntuan_kit::subgraph_service! {
///     /// The sample subgraph, for the `quntuan` CLI and the tests.
///     Sample: "sample",
///     migrator: Migrator,
///     summary: service::SUMMARY,
///     seed: seed::seed,
///     schema: build_schema,
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

            fn router(
                &self,
                db: $crate::reexports::sea_orm::DatabaseConnection,
            ) -> $crate::reexports::axum::Router {
                $crate::router($schema(db))
            }

            fn sdl(&self) -> String {
                $sdl()
            }
        }
    };
}

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

//! Shared kit for the Quntuan subgraphs: scale and PRNG, the region hierarchy, the shared
//! directory generators, database connection and test databases, the HTTP server, auth
//! and audit, errors, pagination and seed helpers. See GUIDE.md for how a subgraph is
//! built on it.

pub mod auth;
pub mod catalog;
pub mod clock;
pub mod cost;
pub mod db;
pub mod directory;
pub mod error;
pub mod events;
pub mod figure_sources;
pub mod figures;
pub mod ids;
pub mod keyed;
pub mod list_filter;
pub mod lists;
pub mod loader;
pub mod located_entity;
pub mod names;
pub mod organization;
pub mod pagination;
pub mod region;
pub mod region_figures;
pub mod rng;
pub mod rows;
pub mod scale;
pub mod sdl;
pub mod seed;
pub mod server;
mod server_ws;
pub mod service;
pub mod stored_enum;
pub mod subgraph_schema;
pub mod summary;
pub mod testing;
pub mod trace;
pub mod upsert;
pub mod validate;
pub mod write;

pub use auth::{Caller, JwtVerifier, require_scope, reveal};
pub use db::{StatementCounter, connect, test_database};
pub use error::{ApiError, ApiResult, ErrorCode, KitError};
pub use events::{Committed, Event, EventBus, write_and_publish};
pub use figures::aggregate_by_region;
pub use lists::Filters;
pub use loader::{Batching, dataloader, load_entity, load_list, load_optional};
pub use pagination::Page;
pub use region::{RegionLevel, RegionRef, RegionScope, RegionTree};
pub use rng::Rng;
pub use scale::Scale;
pub use seed::{Progress, Stage, bulk_insert};
pub use server::{router, serve};
pub use service::{BoxFuture, SubgraphService};
pub use write::{lock_for_inserts, write_transaction};

/// Re-exports so subgraph crates use the same versions as the kit.
pub mod reexports {
    pub use async_graphql;
    pub use axum;
    pub use sea_orm;
}

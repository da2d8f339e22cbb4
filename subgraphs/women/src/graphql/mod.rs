//! The GraphQL layer: schema assembly, types wrapping the database models, thin resolvers.

pub mod center;
pub mod directory;
pub mod dispute;
pub mod loaders;
pub mod mutation;
pub mod officers;
pub mod places;
pub mod query;
pub mod region;
mod subscription;

pub use quntuan_kit::clock::{Clock, SchemaOptions};
pub(crate) use quntuan_kit::subgraph_schema::db;

use crate::service::figures::SUMMARY;

use loaders::WomenLoader;
use mutation::Mutation;
use query::Query;
pub use subscription::Subscription;

quntuan_kit::schema_entry_points! {
    pub type WomenSchema = Schema<Query, Mutation, Subscription>;
    loader: WomenLoader, summary: SUMMARY;
}

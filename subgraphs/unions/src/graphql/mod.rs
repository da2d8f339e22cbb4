//! The GraphQL layer: schema assembly, types wrapping the database models, thin resolvers.

pub mod center;
pub mod directory;
pub mod dispute;
pub mod loaders;
pub mod mutation;
pub mod people;
pub mod places;
pub mod query;
pub mod region;
pub mod subscription;

pub use quntuan_kit::clock::{Clock, SchemaOptions};
pub(crate) use quntuan_kit::subgraph_schema::db;

use crate::service::figures::SUMMARY;

use loaders::UnionsLoader;
use mutation::Mutation;
use query::Query;
use subscription::Subscription;

quntuan_kit::schema_entry_points! {
    pub type UnionsSchema = Schema<Query, Mutation, Subscription>;
    loader: UnionsLoader, summary: SUMMARY;
}

//! The GraphQL surface of the disability subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod objects;
mod query;
mod region;

use async_graphql::{EmptyMutation, EmptySubscription};

pub(crate) use loaders::Loaders;
pub use query::Query;

quntuan_kit::loaders_entry_points! {
    /// The disability subgraph's schema.
    pub type DisabilitySchema = Schema<Query, EmptyMutation, EmptySubscription>;
    loaders: Loaders;
}

//! The GraphQL surface of the science subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod mutation;
mod objects;
mod query;
mod region;

use async_graphql::EmptySubscription;

pub(crate) use loaders::Loaders;
pub use mutation::Mutation;
pub use query::Query;

quntuan_kit::loaders_entry_points! {
    /// The science subgraph's schema.
    pub type ScienceSchema = Schema<Query, Mutation, EmptySubscription>;
    loaders: Loaders;
}

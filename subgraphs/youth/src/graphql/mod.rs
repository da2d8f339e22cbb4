//! The GraphQL surface of the youth subgraph: thin resolvers over the service layer.

mod center;
mod loaders;
mod mutation;
mod objects;
mod query;
mod region;
mod subscription;

pub(crate) use loaders::Loaders;
pub use mutation::Mutation;
pub use query::Query;
pub use subscription::Subscription;

quntuan_kit::loaders_entry_points! {
    /// The youth subgraph's schema.
    pub type YouthSchema = Schema<Query, Mutation, Subscription>;
    loaders: Loaders;
}

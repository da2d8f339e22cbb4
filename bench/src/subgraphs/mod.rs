//! The four subgraphs of the standard federation benchmark (accounts, inventory, products,
//! reviews), each an async-graphql schema with federation enabled over the shared data set.

pub mod accounts;
pub mod inventory;
pub mod products;
pub mod reviews;

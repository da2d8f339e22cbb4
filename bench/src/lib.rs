//! Benchmark subgraphs and load tests for the Quntuan gateway.
//!
//! The standard federation benchmark (accounts, inventory, products, reviews) over one
//! deterministic in-memory data set, plus two baselines: a monolith that answers the same deep
//! query without federation, and a pass-through proxy that adds one HTTP hop and nothing else.
//! For subscriptions: the `ticker` subgraph, whose events name products of the `products`
//! subgraph, and the `subscribers` load client.

pub mod data;
pub mod monolith;
pub mod proxy;
pub mod server;
pub mod subgraphs;
pub mod subscribers;
pub mod ticker;
pub mod traffic;

//! A general Apollo Federation v2 gateway.
//!
//! The request pipeline, one module a stage: [`http`] (GraphQL over HTTP) → [`trusted`] (which
//! document runs: trusted documents, then automatic persisted queries) → [`limits`] (parse
//! within bounds, operation limits) → [`request`] (validate, coerce variables) → [`plan`] (query planning, cached) → [`execute`] (fetches against
//! the subgraphs) → [`response`] (shape the answer exactly as the client asked).

pub mod audit;
pub mod auth;
mod codec;
pub mod cost;
pub mod data;
pub mod error;
pub mod execute;
pub mod gateway;
pub mod headers;
pub mod http;
pub mod limits;
pub mod persisted;
pub mod plan;
pub mod rate_limit;
pub mod reload;
pub mod request;
pub mod resilience;
pub mod response;
pub mod selection;
pub mod subgraph_compression;
pub mod subscription;
pub mod supergraph;
pub mod telemetry;
pub mod tls;
pub mod trusted;

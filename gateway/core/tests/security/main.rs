//! The gateway's security envelope over real HTTP: CSRF prevention, operation limits, and a
//! battery of hostile requests, against the four standard benchmark subgraphs.

#[path = "../support/server.rs"]
mod server;

mod battery;
mod csrf;
mod limits;
mod limits_fixtures;
mod property;

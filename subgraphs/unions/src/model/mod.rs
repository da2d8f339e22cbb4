//! Database models (sea-orm entities) of the unions tables and their vocabularies. These
//! are not the GraphQL types: `crate::graphql` wraps them and guards the personal fields.

pub mod craftsman;
pub mod enums;
pub mod grassroots_union;
pub mod labor_award;
pub mod labor_dispute;
pub mod labor_dispute_step;
pub mod labor_social_organization;
pub mod status;
pub mod union_activity;
pub mod union_social_worker;
pub mod workers_home;

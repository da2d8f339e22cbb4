//! Database models (sea-orm entities) of the women tables and their vocabularies. These
//! are not the GraphQL types: `crate::graphql` wraps them and guards the personal fields.

pub mod childrens_home;
pub mod enums;
pub mod family_education_activity;
pub mod red_banner_collective;
pub mod rights_assistance;
pub mod women_officer;
pub mod women_organization;
pub mod women_social_organization;
pub mod womens_home;

//! The checked-in SDL (schema/disability.graphql) is the one the code generates and serves.

mod common;

quntuan_kit::sdl_tests!(quntuan_disability::Disability, served by common::seeded().await.schema);

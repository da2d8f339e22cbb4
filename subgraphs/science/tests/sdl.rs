//! The checked-in SDL (schema/science.graphql) is the one the code generates and serves.

mod common;

quntuan_kit::sdl_tests!(quntuan_science::Science, served by common::seeded().await.schema);

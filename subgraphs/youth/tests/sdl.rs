//! The checked-in SDL (schema/youth.graphql) is the one the code generates and serves.

mod common;

quntuan_kit::sdl_tests!(quntuan_youth::Youth, served by common::seeded().await.schema);

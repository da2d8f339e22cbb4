//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_kit::testing::test_now;
use quntuan_unions::Unions;
use quntuan_unions::graphql::{Clock, SchemaOptions, UnionsSchema, build_with};

quntuan_kit::test_helpers!(
    Unions,
    UnionsSchema,
    |db| build_with(
        db,
        SchemaOptions {
            clock: Clock::Fixed(test_now()),
            ..SchemaOptions::default()
        }
    ),
    "unions",
    [
        "grassroots_union",
        "workers_home",
        "labor_dispute",
        "labor_dispute_step",
        "labor_award",
        "union_social_worker",
        "craftsman",
        "labor_social_organization",
        "union_activity",
    ]
);

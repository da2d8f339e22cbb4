//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_kit::testing::test_schema_options;
use quntuan_unions::Unions;
use quntuan_unions::graphql::{UnionsSchema, build_with};

quntuan_kit::test_helpers!(
    Unions,
    UnionsSchema,
    |db| build_with(db, test_schema_options()),
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

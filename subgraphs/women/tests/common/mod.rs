//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_kit::testing::test_now;
use quntuan_women::Women;
use quntuan_women::graphql::{Clock, SchemaOptions, WomenSchema, build_with};

quntuan_kit::test_helpers!(
    Women,
    WomenSchema,
    |db| build_with(
        db,
        SchemaOptions {
            clock: Clock::Fixed(test_now()),
            ..SchemaOptions::default()
        }
    ),
    "women",
    [
        "women_organization",
        "womens_home",
        "childrens_home",
        "women_social_organization",
        "women_officer",
        "red_banner_collective",
        "family_education_activity",
        "rights_assistance",
    ]
);

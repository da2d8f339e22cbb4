//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_kit::testing::test_schema_options;
use quntuan_women::Women;
use quntuan_women::graphql::{WomenSchema, build_with};

quntuan_kit::test_helpers!(
    Women,
    WomenSchema,
    |db| build_with(db, test_schema_options()),
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

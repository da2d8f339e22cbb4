//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use chrono::{DateTime, TimeZone, Utc};
use quntuan_women::Women;
use quntuan_women::graphql::{Clock, SchemaOptions, WomenSchema, build_with};

/// The instant mutations see in tests.
pub(crate) fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

fn build(db: sea_orm::DatabaseConnection) -> WomenSchema {
    build_with(
        db,
        SchemaOptions {
            clock: Clock::Fixed(test_now()),
        },
    )
}

quntuan_kit::test_helpers!(
    Women,
    WomenSchema,
    build,
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

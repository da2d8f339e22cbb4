//! Shared test helpers: the kit's, over this crate's schema with the fixed test clock.

#![allow(
    dead_code,
    reason = "each test binary uses a different subset of the helpers"
)]

use chrono::{DateTime, TimeZone, Utc};
use quntuan_unions::Unions;
use quntuan_unions::graphql::{Clock, SchemaOptions, UnionsSchema, build_with};

/// The instant mutations see in tests.
pub(crate) fn test_now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2025, 7, 1, 2, 30, 0)
        .single()
        .unwrap_or_default()
}

fn build(db: sea_orm::DatabaseConnection) -> UnionsSchema {
    build_with(
        db,
        SchemaOptions {
            clock: Clock::Fixed(test_now()),
        },
    )
}

quntuan_kit::test_helpers!(
    Unions,
    UnionsSchema,
    build,
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

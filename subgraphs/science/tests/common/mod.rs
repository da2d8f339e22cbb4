//! Shared test helpers: the kit's (`quntuan_kit::test_helpers!`) over this crate's schema.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_science::{Science, ScienceSchema, build_schema};

quntuan_kit::test_helpers!(
    Science,
    ScienceSchema,
    build_schema,
    "science",
    [
        "science_associations",
        "science_workstations",
        "science_events",
        "science_awards",
    ]
);

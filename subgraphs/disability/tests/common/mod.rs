//! Shared test helpers: the kit's (`quntuan_kit::test_helpers!`) over this crate's schema.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_disability::{Disability, DisabilitySchema, build_schema};

quntuan_kit::test_helpers!(Disability, DisabilitySchema, build_schema, "disability");

//! Shared test helpers: the kit's (`quntuan_kit::test_helpers!`) over this crate's schema.

#![allow(dead_code, reason = "each test binary uses a subset")]

use quntuan_youth::{Youth, YouthSchema, build_schema};

quntuan_kit::test_helpers!(Youth, YouthSchema, build_schema, "youth");

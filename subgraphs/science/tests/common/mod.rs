//! Shared setup (the kit's test support): a migrated, demo-seeded database (SQLite in
//! memory, or a fresh PostgreSQL schema when DATABASE_URL is set) and helpers to run
//! operations as a given caller.

#![allow(dead_code)]

use quntuan_kit::Caller;
use quntuan_kit::testing::fixture;
use quntuan_science::{Science, ScienceSchema, build_schema};

/// The kit's fixture over this crate's schema.
pub(crate) type Fixture = quntuan_kit::testing::Fixture<ScienceSchema>;

pub(crate) async fn seeded() -> Fixture {
    fixture(&Science, build_schema).await
}

pub(crate) fn anonymous() -> Caller {
    Caller::anonymous()
}

pub(crate) fn officer() -> Caller {
    quntuan_kit::testing::officer_of("science")
}

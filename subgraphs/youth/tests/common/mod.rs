//! Shared setup (the kit's test support): a migrated, demo-seeded database (SQLite in
//! memory, or a fresh PostgreSQL schema when DATABASE_URL is set) and helpers to run
//! operations as a given caller.

#![allow(dead_code)]

use quntuan_kit::Caller;
use quntuan_kit::testing::fixture;
use quntuan_youth::{Youth, YouthSchema, build_schema};

/// The kit's fixture over this crate's schema.
pub(crate) type Fixture = quntuan_kit::testing::Fixture<YouthSchema>;

pub(crate) async fn seeded() -> Fixture {
    fixture(&Youth, build_schema).await
}

pub(crate) fn anonymous() -> Caller {
    Caller::anonymous()
}

pub(crate) fn officer() -> Caller {
    quntuan_kit::testing::officer_of("youth")
}

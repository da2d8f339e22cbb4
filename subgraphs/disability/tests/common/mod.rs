//! Shared setup (the kit's test support): a migrated, demo-seeded database (SQLite in
//! memory, or a fresh PostgreSQL schema when DATABASE_URL is set) and helpers to run
//! operations as a given caller.

#![allow(dead_code)]

use quntuan_disability::{Disability, DisabilitySchema, build_schema};
use quntuan_kit::Caller;
use quntuan_kit::testing::fixture;

/// The kit's fixture over this crate's schema.
pub(crate) type Fixture = quntuan_kit::testing::Fixture<DisabilitySchema>;

pub(crate) async fn seeded() -> Fixture {
    fixture(&Disability, build_schema).await
}

pub(crate) fn anonymous() -> Caller {
    Caller::anonymous()
}

pub(crate) fn officer() -> Caller {
    quntuan_kit::testing::officer_of("disability")
}

/// A case worker who may also read disability category and grade.
pub(crate) fn case_worker() -> Caller {
    Caller::new(
        "case-worker-1",
        &["disability:personal", "disability:sensitive"],
    )
}

//! Whole responses of the read API on the seeded demo data: lists with filters and pages,
//! region figures, entities and service centres, bad input. Each case is a file pair in
//! tests/fixtures/queries: `NAME.graphql` (the caller, variables and query) and `NAME.json`
//! (the whole response).

mod common;

quntuan_kit::fixture_folder_test!(queries, on common::seeded_schema().await.0);
